using System.Diagnostics.Metrics;

namespace CloudEdge.Grains.Federation;

/// <summary>
/// The federations' instruments (meter "CloudEdge.Federation"): rounds completed, submissions by outcome (accepted or
/// the reason of the refusal), joins, aggregation time, round duration and weight bytes in and out.
/// </summary>
public sealed class FederationMetrics : IDisposable
{
    public const string MeterName = "CloudEdge.Federation";

    private readonly Meter _meter;

    public FederationMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        Rounds = _meter.CreateCounter<long>("cloudedge.federation.rounds", "{round}", "Federated rounds aggregated");
        Submissions = _meter.CreateCounter<long>("cloudedge.federation.submissions", "{submission}", "Edge submissions, by outcome");
        Joins = _meter.CreateCounter<long>("cloudedge.federation.joins", "{join}", "Edge joins, by outcome");
        AggregationTime = _meter.CreateHistogram<double>("cloudedge.federation.aggregation_time", "ms", "Time to aggregate one round");
        RoundDuration = _meter.CreateHistogram<double>("cloudedge.federation.round_duration", "s", "Round duration from opening to aggregation");
        Bytes = _meter.CreateCounter<long>("cloudedge.federation.bytes", "By", "Weight bytes received from and sent to edges, by direction");
    }

    public Counter<long> Rounds { get; }

    public Counter<long> Submissions { get; }

    public Counter<long> Joins { get; }

    public Histogram<double> AggregationTime { get; }

    public Histogram<double> RoundDuration { get; }

    public Counter<long> Bytes { get; }

    /// <summary>Records a submission's outcome (<c>accepted</c>, <c>duplicate</c>, <c>stale</c>, ...) for a federation.</summary>
    public void Submission(string federation, string outcome, long bytes)
    {
        Submissions.Add(1, new KeyValuePair<string, object?>("federation", federation), new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "accepted")
        {
            Bytes.Add(bytes, new KeyValuePair<string, object?>("federation", federation), new KeyValuePair<string, object?>("direction", "in"));
        }
    }

    /// <summary>Records a global-model download.</summary>
    public void Download(string federation, long bytes) =>
        Bytes.Add(bytes, new KeyValuePair<string, object?>("federation", federation), new KeyValuePair<string, object?>("direction", "out"));

    /// <summary>Records an aggregated round.</summary>
    public void Round(string federation, double aggregationMs, double durationSeconds)
    {
        var tag = new KeyValuePair<string, object?>("federation", federation);
        Rounds.Add(1, tag);
        AggregationTime.Record(aggregationMs, tag);
        RoundDuration.Record(durationSeconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
