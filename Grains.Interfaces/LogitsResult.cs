namespace CloudEdge.Grains.Interfaces;

/// <summary>Raw teacher logits <c>[Count, Classes]</c>, row-major.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.LogitsResult")]
public sealed record LogitsResult(
    [property: Id(0)] int Count,
    [property: Id(1)] int Classes,
    [property: Id(2)] float[] Logits,
    [property: Id(3)] double InferenceMs)
{
    public long PayloadBytes => Logits.LongLength * 4;
}
