using System.Diagnostics.Metrics;

namespace CloudEdge.Silo.Ingest;

/// <summary>The ingest endpoint's instruments (meter "CloudEdge.Ingest"), including the overall accuracy as a gauge.</summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "CloudEdge.Ingest";

    private readonly Meter _meter;

    public IngestMetrics(IngestTally tally, IMeterFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        Frames = _meter.CreateCounter<long>("cloudedge.ingest.frames", "{frame}", "Sample frames accepted from devices");
        Samples = _meter.CreateCounter<long>("cloudedge.ingest.samples", "{sample}", "Samples classified by the teacher");
        Failed = _meter.CreateCounter<long>("cloudedge.ingest.failed", "{sample}", "Samples answered as failed (no teacher, overload, errors), by kind");
        Rejected = _meter.CreateCounter<long>("cloudedge.ingest.rejected", "{frame}", "Frames dropped as malformed, by kind");
        Latency = _meter.CreateHistogram<double>("cloudedge.ingest.latency", "ms", "Frame receipt to answer sent");
        _meter.CreateObservableGauge("cloudedge.ingest.accuracy", () => tally.Overall.Accuracy ?? 0, "1", "Accuracy over every labelled sample classified so far");
        _meter.CreateObservableCounter("cloudedge.ingest.correct", () => tally.Overall.Correct, "{sample}", "Labelled samples the teacher classified correctly");
        _meter.CreateObservableCounter("cloudedge.ingest.labelled", () => tally.Overall.Labelled, "{sample}", "Labelled samples classified");
    }

    public Counter<long> Frames { get; }

    public Counter<long> Samples { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Rejected { get; }

    public Histogram<double> Latency { get; }

    public void Dispose() => _meter.Dispose();
}
