using System.Globalization;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>Inference and training samples/s and achieved GFLOP/s of model presets.</summary>
internal static class ThroughputBenchmark
{
    public static void Run(IEnumerable<ModelSpec> specs, int inferBatch, int trainBatch, BenchmarkSettings settings, TextWriter output)
    {
        output.WriteLine($"inference batch {inferBatch} (eval, no_grad, batch-norm statistics calibrated by 5 train-mode passes); training batch {trainBatch} (forward + backward + Adam); best (median) of >= {settings.MinRuns} runs / {settings.MinSeconds} s after {settings.Warmup} warm-up; load = 1-min load average");
        output.WriteLine();
        output.WriteLine("| model | params | GFLOP/sample fwd | infer samples/s | infer GFLOP/s | train samples/s | train GFLOP/s | load |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var spec in specs)
        {
            var profile = ModelRegistry.Describe(spec);
            using var model = ModelRegistry.Create(spec, settings.Seed);
            ModelTimer.Calibrate(model, spec, 5, settings.Seed);
            var infer = ModelTimer.Infer(model, inferBatch, spec.InputLength, settings);
            var train = trainBatch > 0 ? ModelTimer.TrainStep(model, trainBatch, spec.InputLength, spec.NumClasses, settings) : null;
            var inferFlops = profile.ForwardFlops * (double)inferBatch / 1e9;
            var trainFlops = profile.TrainingFlops * (double)trainBatch / 1e9;
            var trainText = train is null
                ? "– | –"
                : string.Create(CultureInfo.InvariantCulture, $"{trainBatch / train.Best:F1} ({trainBatch / train.Median:F1}) | {trainFlops / train.Best:F1}");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {spec} | {profile.Parameters / 1e6:F2} M | {profile.ForwardFlops / 1e9:F3} | {inferBatch / infer.Best:F1} ({inferBatch / infer.Median:F1}) | {inferFlops / infer.Best:F1} | {trainText} | {Math.Max(infer.Load, train?.Load ?? 0):F1} |"));
            output.Flush();
        }
    }

    /// <summary>The specs measured by default: teachers at the given widths and students, per dataset.</summary>
    public static IEnumerable<ModelSpec> DefaultSpecs(IEnumerable<string> datasets, IEnumerable<double> teacherWidths, IEnumerable<double> studentWidths)
    {
        foreach (var id in datasets)
        {
            var dataset = DatasetCatalog.Get(id);
            foreach (var w in teacherWidths)
            {
                yield return ModelRegistry.Resolve(ModelArchitectures.ComplexResNet50, dataset, width: w);
            }

            foreach (var w in studentWidths)
            {
                yield return ModelRegistry.Resolve(ModelArchitectures.RealResNet20, dataset, width: w);
            }
        }
    }
}
