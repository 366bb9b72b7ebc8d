using CloudEdge.Grains.Interfaces;

namespace CloudEdge.Grains;

/// <summary>Accumulates what one edge reports; rejects impossible reports without losing what it has.</summary>
public sealed class EdgeStatsGrain(TimeProvider time) : Grain, IEdgeStatsGrain
{
    private EdgeStatsSnapshot _stats = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stats = new EdgeStatsSnapshot(this.GetPrimaryKeyString(), 0, 0, 0, 0, 0, 0, 0, -1, null);
        return Task.CompletedTask;
    }

    public Task<EdgeStatsSnapshot> Report(EdgeBatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Samples < 0 || report.EdgeAnswered < 0 || report.CloudAnswered < 0 || report.Labelled < 0 || report.Correct < 0 || report.Malformed < 0)
        {
            throw new ArgumentException($"edge {_stats.EdgeId}: report has negative counts");
        }

        if (report.EdgeAnswered + report.CloudAnswered > report.Samples || report.Correct > report.Labelled || report.Labelled > report.Samples)
        {
            throw new ArgumentException($"edge {_stats.EdgeId}: report counts are inconsistent (samples {report.Samples}, edge {report.EdgeAnswered}, cloud {report.CloudAnswered}, labelled {report.Labelled}, correct {report.Correct})");
        }

        _stats = _stats with
        {
            Batches = _stats.Batches + 1,
            Samples = _stats.Samples + report.Samples,
            EdgeAnswered = _stats.EdgeAnswered + report.EdgeAnswered,
            CloudAnswered = _stats.CloudAnswered + report.CloudAnswered,
            Labelled = _stats.Labelled + report.Labelled,
            Correct = _stats.Correct + report.Correct,
            Malformed = _stats.Malformed + report.Malformed,
            LastSampleId = Math.Max(_stats.LastSampleId, report.LastSampleId),
            LastReportAt = time.GetUtcNow(),
        };
        return Task.FromResult(_stats);
    }

    public Task<EdgeStatsSnapshot> GetSnapshot() => Task.FromResult(_stats);
}
