namespace CloudEdge.EdgeClient.Serving;

/// <summary>How the serving pipeline batches, routes and stops.</summary>
public sealed record ServeSettings
{
    /// <summary>Confidence thresholds whose results are computed; every sample below the largest goes to the cloud.</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [0.7];

    /// <summary>Most samples per micro-batch.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>Longest a micro-batch waits for more samples after its first one.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>End-of-stream frames to wait for before stopping (0 = serve until cancelled).</summary>
    public int Devices { get; init; } = 1;

    /// <summary>Stop when no frame has arrived for this long after the first one (null = never).</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>Adaptive routing, or null for fixed thresholds only.</summary>
    public AdaptiveSettings? Adaptive { get; init; }

    public CloudDispatchSettings Cloud { get; init; } = new();

    /// <summary>The threshold the run routes with: the largest fixed one (0 when there are none).</summary>
    public double RoutingThreshold => Thresholds.Count == 0 ? 0 : Thresholds.Max();

    /// <summary>Whether any sample can be routed to the cloud.</summary>
    public bool UsesCloud => RoutingThreshold > 0 || Adaptive is not null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Thresholds.Count == 0 && Adaptive is null)
        {
            throw new ArgumentException("--thresholds: give at least one threshold (or an adaptive target)");
        }

        foreach (var t in Thresholds)
        {
            if (!(t >= 0 && double.IsFinite(t)))
            {
                throw new ArgumentException($"--thresholds: {t} is not a finite number ≥ 0");
            }
        }

        if (MaxBatch is < 1 or > 4096)
        {
            throw new ArgumentException($"--batch-size must be 1..4096 (got {MaxBatch})");
        }

        if (MaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"--max-delay-ms must be ≥ 0 (got {MaxDelay.TotalMilliseconds})");
        }

        if (Devices < 0)
        {
            throw new ArgumentException($"--devices must be ≥ 0 (got {Devices})");
        }

        Adaptive?.Validate();
        Cloud.Validate();
    }
}
