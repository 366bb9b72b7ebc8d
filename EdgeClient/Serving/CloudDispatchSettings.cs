namespace CloudEdge.EdgeClient.Serving;

/// <summary>How routed samples go to the cloud.</summary>
/// <param name="MaxSamplesPerCall">Queued requests are merged into calls of up to about this many samples.</param>
/// <param name="Concurrency">Calls in flight at once.</param>
/// <param name="QueueCapacity">Requests (one per micro-batch) waiting for the cloud; when full, routed samples are answered at the edge.</param>
/// <param name="CallTimeout">Longest wait for one call (including the link's retries) before falling back to the edge.</param>
public sealed record CloudDispatchSettings(int MaxSamplesPerCall = 256, int Concurrency = 2, int QueueCapacity = 64, TimeSpan? CallTimeout = null)
{
    public TimeSpan Timeout => CallTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxSamplesPerCall is < 1 or > 4096)
        {
            throw new ArgumentException($"--cloud-batch must be 1..4096 (got {MaxSamplesPerCall})");
        }

        if (Concurrency is < 1 or > 64)
        {
            throw new ArgumentException($"--cloud-concurrency must be 1..64 (got {Concurrency})");
        }

        if (QueueCapacity < 1)
        {
            throw new ArgumentException($"--cloud-queue must be ≥ 1 (got {QueueCapacity})");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"--cloud-timeout must be > 0 (got {Timeout.TotalSeconds} s)");
        }
    }
}
