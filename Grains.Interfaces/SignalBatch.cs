namespace CloudEdge.Grains.Interfaces;

/// <summary>A batch of IQ vectors sent to the cloud: <c>Count</c> samples of <c>[2, Length]</c> float32, row-major, for <c>Dataset</c>.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.SignalBatch")]
public sealed record SignalBatch(
    [property: Id(0)] string Dataset,
    [property: Id(1)] int Length,
    [property: Id(2)] int Count,
    [property: Id(3)] float[] Iq)
{
    /// <summary>Payload bytes (what the link counts and rate-limits).</summary>
    public long PayloadBytes => (Iq?.LongLength ?? 0) * sizeof(float);
}
