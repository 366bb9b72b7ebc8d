namespace CloudEdge.Grains.Interfaces;

/// <summary>
/// The teacher's answer for a batch: per sample the predicted class and its softmax confidence; optionally
/// the full <c>[Count, Classes]</c> probabilities or logits, row-major.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.ClassifyResult")]
public sealed record ClassifyResult(
    [property: Id(0)] int[] Predictions,
    [property: Id(1)] float[] Confidences,
    [property: Id(2)] int Classes,
    [property: Id(3)] float[]? Scores,
    [property: Id(4)] ClassifyOutput ScoresKind,
    [property: Id(5)] double InferenceMs)
{
    public long PayloadBytes => (Predictions.LongLength * 4) + (Confidences.LongLength * 4) + ((Scores?.LongLength ?? 0) * 4);
}
