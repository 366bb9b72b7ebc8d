using System.Diagnostics;
using System.Globalization;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Signals.Data;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// <c>serve --bench</c>: in one process, alternately times the bare student forward pass over the data
/// (<see cref="Predictor"/>, batch B) and the whole serving pipeline at threshold 0 fed by a <see cref="FileSource"/>
/// as fast as it takes frames of B samples; then paces the pipeline at fractions of its measured throughput and
/// reports the latency from send to answer. Each measurement has one untimed warm-up round first. No cloud is
/// involved (threshold 0 routes nothing).
/// </summary>
public static class ServeBench
{
    public static async Task<BenchReport> RunAsync(StudentClassifier student, SignalDataset data, DatasetInfo dataset, BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        settings.Validate();
        var x = Repeat(data, settings.Samples);
        var warm = new float[settings.BatchSize * data.SampleSize];
        x.AsSpan(0, warm.Length).CopyTo(warm);
        for (var i = 0; i < 3; i++)
        {
            student.Classify(warm, settings.BatchSize);
        }

        // One untimed round of each measurement, so neither pays for first-use costs (JIT, allocator growth).
        Predictor.Predict(student.Model, x, data.Length, new PredictOptions { BatchSize = settings.BatchSize, Normalization = student.Metadata.Normalization }, cancellationToken);
        await RunPipelineAsync(student, data, dataset, settings, null, cancellationToken).ConfigureAwait(false);

        var bare = new List<double>();
        var pipeline = new List<double>();
        for (var r = 0; r < settings.Repeats; r++)
        {
            var clock = Stopwatch.GetTimestamp();
            Predictor.Predict(student.Model, x, data.Length, new PredictOptions { BatchSize = settings.BatchSize, Normalization = student.Metadata.Normalization }, cancellationToken);
            bare.Add(settings.Samples / Stopwatch.GetElapsedTime(clock).TotalSeconds);
            var (sps, _) = await RunPipelineAsync(student, data, dataset, settings, null, cancellationToken).ConfigureAwait(false);
            pipeline.Add(sps);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench run {r + 1}/{settings.Repeats}: bare forward {bare[^1]:0} samples/s, pipeline {sps:0} samples/s")).ConfigureAwait(false);
        }

        var pipelineSps = Median(pipeline);
        var loads = new List<BenchLoadRow>();
        foreach (var load in settings.Loads)
        {
            var offered = load * pipelineSps;
            var (achieved, latency) = await RunPipelineAsync(student, data, dataset, settings, offered, cancellationToken).ConfigureAwait(false);
            loads.Add(new BenchLoadRow(load, offered, achieved, latency));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench load {load:P0} ({offered:0} samples/s offered): achieved {achieved:0} samples/s, latency p50 {latency?.P50:0.00} ms, p99 {latency?.P99:0.00} ms")).ConfigureAwait(false);
        }

        return new BenchReport
        {
            Dataset = dataset.Id,
            EdgeModel = student.Metadata.Preset,
            BatchSize = settings.BatchSize,
            MaxDelayMs = settings.MaxDelay.TotalMilliseconds,
            Samples = settings.Samples,
            TorchThreads = torch.get_num_threads(),
            Processors = Environment.ProcessorCount,
            BareForwardSps = Median(bare),
            BareForwardRuns = bare,
            PipelineSps = pipelineSps,
            PipelineRuns = pipeline,
            Loads = loads,
        };
    }

    private static async Task<(double Sps, LatencySummary? Latency)> RunPipelineAsync(StudentClassifier student, SignalDataset data, DatasetInfo dataset, BenchSettings settings, double? rate, CancellationToken cancellationToken)
    {
        var source = new FileSource(data, dataset, settings.BatchSize, rate, settings.Samples, TimeProvider.System);
        using var metrics = new EdgeMetrics();
        var serve = new ServeSettings { Thresholds = [0], MaxBatch = settings.BatchSize, MaxDelay = settings.MaxDelay, Devices = 1 };
        var pipeline = new ServePipeline(source, student, new LabelMap(dataset.Classes, student.Metadata.Classes), null, serve, metrics, NullLogger.Instance, TimeProvider.System);
        var clock = Stopwatch.GetTimestamp();
        var feeding = Task.Run(() => source.RunAsync(cancellationToken), cancellationToken);
        var outcome = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(clock).TotalSeconds;
        await feeding.ConfigureAwait(false);
        var row = ThresholdEvaluator.Fixed(outcome.Samples, 0, student.Metadata.Classes);
        return (outcome.Samples.Count / seconds, row.Latency);
    }

    private static float[] Repeat(SignalDataset data, int samples)
    {
        var x = new float[samples * data.SampleSize];
        for (var i = 0; i < samples; i++)
        {
            data.Sample(i % data.Count).CopyTo(x.AsSpan(i * data.SampleSize, data.SampleSize));
        }

        return x;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
