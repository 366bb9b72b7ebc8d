namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// The cloud's answer to <see cref="IFederationGrain.Join"/>: accepted with the federation's configuration and where it
/// stands (current round, whether this edge already submitted to it — an edge restarted after submitting skips to the
/// next round), or refused with a one-line reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.JoinResult")]
public sealed record JoinResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Reason,
    [property: Id(2)] FederationConfig? Config,
    [property: Id(3)] int Round,
    [property: Id(4)] bool Finished,
    [property: Id(5)] bool SubmittedThisRound,
    [property: Id(6)] bool NotConfigured = false);
