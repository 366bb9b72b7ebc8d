namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// Where a federation stands: its configuration (null before one is set), the open round with its deadline, the
/// joined edges, who has submitted to the open round, the per-round history, and whether all rounds are done.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.FederationStatus")]
public sealed record FederationStatus(
    [property: Id(0)] string FederationId,
    [property: Id(1)] FederationConfig? Config,
    [property: Id(2)] int Round,
    [property: Id(3)] bool Finished,
    [property: Id(4)] DateTimeOffset RoundOpenedAt,
    [property: Id(5)] DateTimeOffset Deadline,
    [property: Id(6)] EdgeMembership[] Edges,
    [property: Id(7)] string[] Submitted,
    [property: Id(8)] RoundRecord[] History,
    [property: Id(9)] long GlobalModelBytes,
    [property: Id(10)] string? ModelShape,
    [property: Id(11)] long Rejected);
