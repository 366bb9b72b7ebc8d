namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>A joined edge as the federation knows it: when it joined, its training examples, the last round it submitted to (−1 = none).</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.EdgeMembership")]
public sealed record EdgeMembership(
    [property: Id(0)] string EdgeId,
    [property: Id(1)] DateTimeOffset JoinedAt,
    [property: Id(2)] long Examples,
    [property: Id(3)] int LastSubmittedRound,
    [property: Id(4)] int Joins);
