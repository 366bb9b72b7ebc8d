namespace CloudEdge.EdgeClient.Serving;

/// <summary>Live totals of a serving run, updated from several threads (for progress lines and the summary).</summary>
public sealed class ServeCounters
{
    private long _served;
    private long _edgeAnswered;
    private long _cloudSent;
    private long _cloudAnswered;
    private long _cloudFailedCalls;
    private long _cloudFailedSamples;
    private long _cloudSkipped;
    private long _batches;

    /// <summary>Samples the student has classified.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Samples answered at the edge (confidence at or above the routing threshold).</summary>
    public long EdgeAnswered => Interlocked.Read(ref _edgeAnswered);

    /// <summary>Samples handed to the cloud dispatcher.</summary>
    public long CloudSent => Interlocked.Read(ref _cloudSent);

    /// <summary>Samples the teacher answered.</summary>
    public long CloudAnswered => Interlocked.Read(ref _cloudAnswered);

    /// <summary>Cloud calls that failed (after the link's retries).</summary>
    public long CloudFailedCalls => Interlocked.Read(ref _cloudFailedCalls);

    /// <summary>Samples of failed cloud calls (answered by the edge instead).</summary>
    public long CloudFailedSamples => Interlocked.Read(ref _cloudFailedSamples);

    /// <summary>Samples not sent because the cloud queue was full (answered by the edge instead).</summary>
    public long CloudSkipped => Interlocked.Read(ref _cloudSkipped);

    /// <summary>Samples routed to the cloud and not yet finished.</summary>
    public long CloudPending => CloudSent - CloudAnswered - CloudFailedSamples - CloudSkipped;

    /// <summary>Micro-batches classified.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public void AddBatch(int samples, int edgeAnswered)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _served, samples);
        Interlocked.Add(ref _edgeAnswered, edgeAnswered);
    }

    public void AddCloudSent(int samples) => Interlocked.Add(ref _cloudSent, samples);

    public void AddCloudAnswered(int samples) => Interlocked.Add(ref _cloudAnswered, samples);

    public void AddCloudFailure(int samples)
    {
        Interlocked.Increment(ref _cloudFailedCalls);
        Interlocked.Add(ref _cloudFailedSamples, samples);
    }

    public void AddCloudSkipped(int samples) => Interlocked.Add(ref _cloudSkipped, samples);
}
