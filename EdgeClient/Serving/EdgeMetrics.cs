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
        Latency = _meter.CreateHistogram<double>("cloudedge.edge.latency", "ms", "Device send to final answer");
    }

    public Counter<long> FramesReceived { get; }

    public Counter<long> SamplesReceived { get; }

    public Counter<long> FramesRejected { get; }

    public Counter<long> SamplesAnswered { get; }

    public Counter<long> CloudBytes { get; }

    public Histogram<double> Latency { get; }

    public void Dispose() => _meter.Dispose();
}
