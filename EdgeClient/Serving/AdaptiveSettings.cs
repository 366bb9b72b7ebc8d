namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// How the adaptive threshold is driven: a target share of samples sent to the cloud, a latency target for
/// cloud answers (p95, ms), or both (the latency controller then never exceeds the target rate).
/// </summary>
public sealed record AdaptiveSettings
{
    /// <summary>Share of samples to send to the cloud, in [0, 1].</summary>
    public double? TargetCloudRate { get; init; }

    /// <summary>Target p95 latency of cloud-answered samples, ms.</summary>
    public double? TargetLatencyMs { get; init; }

    /// <summary>Recent confidences the quantile is taken over.</summary>
    public int Window { get; init; } = 2000;

    /// <summary>Confidences to see before the quantile replaces <see cref="InitialThreshold"/>.</summary>
    public int WarmUp { get; init; } = 50;

    /// <summary>Threshold used until <see cref="WarmUp"/> confidences have been seen.</summary>
    public double InitialThreshold { get; init; } = 0.5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (TargetCloudRate is null && TargetLatencyMs is null)
        {
            throw new ArgumentException("adaptive threshold: give --target-cloud-rate and/or --target-latency-ms");
        }

        if (TargetCloudRate is { } r && !(r is >= 0 and <= 1))
        {
            throw new ArgumentException($"--target-cloud-rate must be in [0, 1] (got {r})");
        }

        if (TargetLatencyMs is { } l && !(l > 0 && double.IsFinite(l)))
        {
            throw new ArgumentException($"--target-latency-ms must be > 0 (got {l})");
        }

        if (Window < 10 || WarmUp < 1 || WarmUp > Window)
        {
            throw new ArgumentException($"--adaptive-window must be ≥ 10 and ≥ the warm-up of {WarmUp} (got {Window})");
        }
    }
}
