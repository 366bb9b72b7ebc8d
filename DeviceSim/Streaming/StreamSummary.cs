namespace CloudEdge.DeviceSim.Streaming;

/// <summary>What a stream sent.</summary>
internal sealed record StreamSummary(int Samples, int Frames, long Bytes, TimeSpan Elapsed)
{
    public double SamplesPerSecond => Elapsed.TotalSeconds > 0 ? Samples / Elapsed.TotalSeconds : 0;
}
