namespace CloudEdge.Signals.Wire;

/// <summary>Answers for samples: prediction (class index) and confidence per sample id, with the time the answer was sent.</summary>
public sealed record ResultBatchFrame(string Dataset, long[] Ids, int[] Predictions, float[] Confidences, long AnsweredAtUnixMicros)
{
    public int Count => Ids.Length;
}
