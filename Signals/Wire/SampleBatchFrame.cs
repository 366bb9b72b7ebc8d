namespace CloudEdge.Signals.Wire;

/// <summary>
/// A batch of samples from one device: for sample k, <c>Ids[k]</c>, <c>Labels[k]</c> (−1 = unknown),
/// <c>Snr[k]</c> (dB; <see cref="WireFormat.UnknownSnr"/> = unknown), <c>SentAtUnixMicros[k]</c> and the
/// float32 IQ vector <c>Iq[k*2L .. (k+1)*2L)</c> laid out as [2, L] (I row then Q row).
/// </summary>
public sealed record SampleBatchFrame(
    string DeviceId,
    string Dataset,
    int Length,
    long[] Ids,
    int[] Labels,
    int[] Snr,
    long[] SentAtUnixMicros,
    float[] Iq)
{
    public int Count => Ids.Length;

    /// <summary>The [2, L] floats of sample k.</summary>
    public ReadOnlySpan<float> Sample(int k) => Iq.AsSpan(k * 2 * Length, 2 * Length);
}
