namespace CloudEdge.Grains.Interfaces;

/// <summary>What an edge served in one micro-batch.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.EdgeBatchReport")]
public sealed record EdgeBatchReport(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Dataset,
    [property: Id(2)] int Samples,
    [property: Id(3)] int EdgeAnswered,
    [property: Id(4)] int CloudAnswered,
    [property: Id(5)] int Labelled,
    [property: Id(6)] int Correct,
    [property: Id(7)] int Malformed,
    [property: Id(8)] long FirstSampleId,
    [property: Id(9)] long LastSampleId);
