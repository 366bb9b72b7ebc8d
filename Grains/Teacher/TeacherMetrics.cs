using System.Diagnostics.Metrics;

namespace CloudEdge.Grains.Teacher;

/// <summary>The teacher's instruments (meter "CloudEdge.Teacher"): batches, samples, bytes in, inference time, rejections.</summary>
public sealed class TeacherMetrics : IDisposable
{
    public const string MeterName = "CloudEdge.Teacher";

    private readonly Meter _meter;
    private long _batches;
    private long _samples;
    private long _bytesIn;
    private long _bytesOut;
    private long _rejected;

    public TeacherMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        Batches = _meter.CreateCounter<long>("cloudedge.teacher.batches", "{batch}", "Batches classified by the teacher");
        Samples = _meter.CreateCounter<long>("cloudedge.teacher.samples", "{sample}", "Samples classified by the teacher");
        BytesIn = _meter.CreateCounter<long>("cloudedge.teacher.bytes_in", "By", "Signal payload bytes received by the teacher");
        BytesOut = _meter.CreateCounter<long>("cloudedge.teacher.bytes_out", "By", "Answer payload bytes returned by the teacher");
        Rejected = _meter.CreateCounter<long>("cloudedge.teacher.rejected", "{batch}", "Malformed batches rejected");
        InferenceTime = _meter.CreateHistogram<double>("cloudedge.teacher.inference_time", "ms", "Teacher inference time per batch");
    }

    public Counter<long> Batches { get; }

    public Counter<long> Samples { get; }

    public Counter<long> BytesIn { get; }

    public Counter<long> BytesOut { get; }

    public Counter<long> Rejected { get; }

    /// <summary>Totals since the silo started (what /cloudedge/stats reports).</summary>
    public TeacherTotals Totals => new(Interlocked.Read(ref _batches), Interlocked.Read(ref _samples), Interlocked.Read(ref _bytesIn), Interlocked.Read(ref _bytesOut), Interlocked.Read(ref _rejected));

    /// <summary>Records one classified batch in the instruments and the totals.</summary>
    public void RecordBatch(int samples, long bytesIn, long bytesOut, double milliseconds)
    {
        Batches.Add(1);
        Samples.Add(samples);
        BytesIn.Add(bytesIn);
        BytesOut.Add(bytesOut);
        InferenceTime.Record(milliseconds);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _samples, samples);
        Interlocked.Add(ref _bytesIn, bytesIn);
        Interlocked.Add(ref _bytesOut, bytesOut);
    }

    /// <summary>Records one rejected batch.</summary>
    public void RecordRejected()
    {
        Rejected.Add(1);
        Interlocked.Increment(ref _rejected);
    }

    public Histogram<double> InferenceTime { get; }

    public void Dispose() => _meter.Dispose();
}
