namespace CloudEdge.Grains.Interfaces;

/// <summary>
/// Live statistics of one edge (key = edge id), reported by the edge after every micro-batch it
/// serves; the answer is the cumulative snapshot, so the edge learns the cloud has recorded it.
/// Visible on the dashboard as grain activity and through <see cref="GetSnapshot"/>.
/// </summary>
public interface IEdgeStatsGrain : IGrainWithStringKey
{
    Task<EdgeStatsSnapshot> Report(EdgeBatchReport report);

    Task<EdgeStatsSnapshot> GetSnapshot();
}
