namespace CloudEdge.EdgeClient.Cloud;

/// <summary>What the edge ↔ cloud link has carried.</summary>
public sealed record LinkFigures(long Calls, long BytesSent, long BytesReceived, long Retries, long Failures, TimeSpan RateLimitWait, TimeSpan CallTime)
{
    /// <summary>Achieved payload throughput over the time spent in calls and rate-limit waits, MB/s (10⁶ bytes).</summary>
    public double MegabytesPerSecond => CallTime.TotalSeconds > 0 ? (BytesSent + BytesReceived) / 1e6 / CallTime.TotalSeconds : 0;
}
