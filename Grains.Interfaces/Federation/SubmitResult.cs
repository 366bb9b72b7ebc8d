namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// The cloud's answer to <see cref="IFederationGrain.Submit"/>: the outcome with a one-line reason when refused, the
/// round open after handling it, whether this submission completed the round (then <c>AggregationMs</c> is the time the
/// aggregation took) and the time the grain spent on the call (so the edge can tell transfer from processing).
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] int Round,
    [property: Id(3)] bool Aggregated,
    [property: Id(4)] double AggregationMs,
    [property: Id(5)] double ServerMs)
{
    public bool Accepted => Outcome == SubmitOutcome.Accepted;
}
