using System.Diagnostics.Metrics;

namespace CloudEdge.Grains.Teacher;

/// <summary>The teacher's instruments (meter "CloudEdge.Teacher"): batches, samples, bytes in, inference time, rejections.</summary>
public sealed class TeacherMetrics : IDisposable
{
    public const string MeterName = "CloudEdge.Teacher";

    private readonly Meter _meter;

    public TeacherMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        Batches = _meter.CreateCounter<long>("cloudedge.teacher.batches", "{batch}", "Batches classified by the teacher");
        Samples = _meter.CreateCounter<long>("cloudedge.teacher.samples", "{sample}", "Samples classified by the teacher");
        BytesIn = _meter.CreateCounter<long>("cloudedge.teacher.bytes_in", "By", "Signal payload bytes received by the teacher");
        Rejected = _meter.CreateCounter<long>("cloudedge.teacher.rejected", "{batch}", "Malformed batches rejected");
        InferenceTime = _meter.CreateHistogram<double>("cloudedge.teacher.inference_time", "ms", "Teacher inference time per batch");
    }

    public Counter<long> Batches { get; }

    public Counter<long> Samples { get; }

    public Counter<long> BytesIn { get; }

    public Counter<long> Rejected { get; }

    public Histogram<double> InferenceTime { get; }

    public void Dispose() => _meter.Dispose();
}
