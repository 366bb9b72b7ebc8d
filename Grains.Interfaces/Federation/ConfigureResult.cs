namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// The answer to <see cref="IFederationGrain.Configure"/>: accepted (a new federation, the same configuration again, or
/// a reset) or refused with a one-line reason (e.g. a different configuration while the federation runs).
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.ConfigureResult")]
public sealed record ConfigureResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string? Reason,
    [property: Id(2)] bool Unchanged,
    [property: Id(3)] FederationStatus Status);
