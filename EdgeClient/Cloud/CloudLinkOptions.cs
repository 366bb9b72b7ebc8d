namespace CloudEdge.EdgeClient.Cloud;

/// <summary>Settings of the edge ↔ cloud link.</summary>
public sealed record CloudLinkOptions
{
    /// <summary>Link rate in MB/s (10⁶ bytes per second), both directions together; 0 = unlimited. The reference's --rate-limit.</summary>
    public double RateLimitMegabytesPerSecond { get; init; } = 10;

    /// <summary>Attempts per call for transient failures (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First back-off delay; doubles per retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest back-off delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);
}
