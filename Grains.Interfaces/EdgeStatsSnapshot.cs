namespace CloudEdge.Grains.Interfaces;

/// <summary>Cumulative figures of one edge as the cloud has recorded them.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.EdgeStatsSnapshot")]
public sealed record EdgeStatsSnapshot(
    [property: Id(0)] string EdgeId,
    [property: Id(1)] long Batches,
    [property: Id(2)] long Samples,
    [property: Id(3)] long EdgeAnswered,
    [property: Id(4)] long CloudAnswered,
    [property: Id(5)] long Labelled,
    [property: Id(6)] long Correct,
    [property: Id(7)] long Malformed,
    [property: Id(8)] long LastSampleId,
    [property: Id(9)] DateTimeOffset? LastReportAt)
{
    /// <summary>Accuracy over labelled samples, or null before any.</summary>
    public double? Accuracy => Labelled == 0 ? null : (double)Correct / Labelled;
}
