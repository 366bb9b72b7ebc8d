namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// The answer of the long poll <see cref="IFederationGrain.WaitForRound"/>: the open round (when it is newer than the
/// caller's), or <c>Changed = false</c> when nothing happened before the wait ended (the caller simply asks again).
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.RoundOffer")]
public sealed record RoundOffer(
    [property: Id(0)] bool Changed,
    [property: Id(1)] int Round,
    [property: Id(2)] bool Finished,
    [property: Id(3)] DateTimeOffset Deadline);
