namespace CloudEdge.EdgeClient.Serving;

/// <summary>One micro-batch on its way through the pipeline: done once its cloud part (if any) has finished.</summary>
public sealed class BatchProgress(IReadOnlyList<ServedSample> samples, Action<BatchProgress> completed)
{
    private int _done;

    /// <summary>Every sample of the batch.</summary>
    public IReadOnlyList<ServedSample> Samples { get; } = samples;

    /// <summary>Marks the batch complete (only the first call counts).</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            completed(this);
        }
    }
}
