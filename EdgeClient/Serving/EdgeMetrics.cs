using System.Diagnostics.Metrics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>The edge's instruments (meter "CloudEdge.Edge"), for dotnet-counters / OpenTelemetry.</summary>
public sealed class EdgeMetrics : IDisposable
{
    public const string MeterName = "CloudEdge.Edge";

    private readonly Meter _meter;

    public EdgeMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        FramesReceived = _meter.CreateCounter<long>("cloudedge.edge.frames_received", "{frame}", "Frames received from devices and accepted");
        SamplesReceived = _meter.CreateCounter<long>("cloudedge.edge.samples_received", "{sample}", "Samples received from devices");
        FramesRejected = _meter.CreateCounter<long>("cloudedge.edge.frames_rejected", "{frame}", "Frames dropped as malformed, by kind");
        SamplesAnswered = _meter.CreateCounter<long>("cloudedge.edge.samples_answered", "{sample}", "Samples answered, by where (edge/cloud)");
        CloudBytes = _meter.CreateCounter<long>("cloudedge.edge.cloud_bytes", "By", "Bytes exchanged with the cloud, by direction");
        Latency = _meter.CreateHistogram<double>("cloudedge.edge.latency", "ms", "Device send to final answer, by where (edge/cloud)");
        CloudFailures = _meter.CreateCounter<long>("cloudedge.edge.cloud_failures", "{call}", "Cloud calls that failed, by kind");
        Degraded = _meter.CreateCounter<long>("cloudedge.edge.degraded", "{sample}", "Cloud-routed samples answered at the edge instead, by reason");
        QueueDelay = _meter.CreateHistogram<double>("cloudedge.edge.queue_delay", "ms", "Frame receipt to the start of its micro-batch's inference");
        BatchSize = _meter.CreateHistogram<int>("cloudedge.edge.batch_size", "{sample}", "Samples per micro-batch");
        InferenceTime = _meter.CreateHistogram<double>("cloudedge.edge.inference_time", "ms", "Student inference time per micro-batch");
    }

    public Counter<long> FramesReceived { get; }

    public Counter<long> SamplesReceived { get; }

    public Counter<long> FramesRejected { get; }

    public Counter<long> SamplesAnswered { get; }

    public Counter<long> CloudBytes { get; }

    public Histogram<double> Latency { get; }

    public Counter<long> CloudFailures { get; }

    public Counter<long> Degraded { get; }

    public Histogram<double> QueueDelay { get; }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> InferenceTime { get; }

    /// <summary>Publishes the routing threshold in force (adaptive routing) as the gauge <c>cloudedge.edge.threshold</c>.</summary>
    public void TrackThreshold(Func<double> current) =>
        _meter.CreateObservableGauge("cloudedge.edge.threshold", current, "1", "Routing threshold in force (adaptive)");

    public void Dispose() => _meter.Dispose();
}
