namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// One aggregated round of a federation's history: who took part with how many examples, the example-weighted means of
/// their metrics, how long the round lasted (opened → aggregated), how long the aggregation took, the weight bytes that
/// went in (submissions) and out (global model downloads), and why it closed (<c>all</c> edges or the <c>deadline</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.RoundRecord")]
public sealed record RoundRecord(
    [property: Id(0)] int Round,
    [property: Id(1)] string[] Participants,
    [property: Id(2)] long[] Examples,
    [property: Id(3)] Dictionary<string, double> Metrics,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] DateTimeOffset ClosedAt,
    [property: Id(6)] double AggregationMs,
    [property: Id(7)] long BytesIn,
    [property: Id(8)] long BytesOut,
    [property: Id(9)] string ClosedBy,
    [property: Id(10)] string Strategy)
{
    /// <summary>Round duration in seconds (opened → aggregated).</summary>
    public double DurationSeconds => (ClosedAt - OpenedAt).TotalSeconds;

    /// <summary>Total training examples of the participants.</summary>
    public long TotalExamples => Examples.Sum();

    /// <summary>A metric's example-weighted mean, or null when no participant reported it.</summary>
    public double? Metric(string name) => Metrics.TryGetValue(name, out var value) ? value : null;
}
