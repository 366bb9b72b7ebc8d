using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Learning.Benchmarks;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

var threads = Opt.Create("--threads", "torch intra-op threads", 2).Check(t => t >= 1, "must be at least 1");
var warmup = Opt.Create("--warmup", "untimed runs before timing", 1).Check(t => t >= 0, "must not be negative");
var minRuns = Opt.Create("--min-runs", "timed runs at least", 3).Check(t => t >= 1, "must be at least 1");
var minSeconds = Opt.Create("--min-seconds", "timed seconds at least per measurement", 10.0).Check(t => t >= 0, "must not be negative");
var inferBatch = Opt.Create("--infer-batch", "inference batch size", 256).Check(t => t >= 1, "must be at least 1");
var trainBatch = Opt.Create("--train-batch", "training batch size (0 = skip training)", 64).Check(t => t >= 0, "must not be negative");
var datasets = Opt.Create("--datasets", "dataset ids (input length and classes)", new[] { "rml2016" }).Check(d => d.All(DatasetCatalog.Ids.Contains), $"known: {string.Join(", ", DatasetCatalog.Ids)}");
var teacherWidths = Opt.Create("--teacher-widths", "teacher width multipliers", new[] { 1.0, 0.25 }).Check(w => w.All(x => x > 0), "must be positive");
var studentWidths = Opt.Create("--student-widths", "student width multipliers", new[] { 1.0 }).Check(w => w.All(x => x > 0), "must be positive");
var calibration = Opt.Create("--calibration-passes", "bf16: train-mode passes that set the batch-norm statistics", 10).Check(t => t >= 0, "must not be negative");
var seed = Opt.Create("--seed", "seed of weights and inputs", 1L);
var modes = Opt.Create("--modes", "convmodes: complex convolution schemes to compare", Enum.GetValues<CloudEdge.Learning.Layers.ComplexConvMode>());
var layers = Opt.Create("--layers", "convmodes: also time single layers", true);
var rounds = Opt.Create("--rounds", "convmodes, bf16: alternating rounds (best kept)", 3).Check(t => t >= 1, "must be at least 1");
foreach (var option in new Option[] { datasets, teacherWidths, studentWidths, modes })
{
    option.AllowMultipleArgumentsPerToken = true;
}

Option[] common = [threads, warmup, minRuns, minSeconds, inferBatch, trainBatch, datasets, teacherWidths, studentWidths, seed, rounds];

var root = new RootCommand("Model throughput measurements (docs/models.md, \"Model throughput\").");
Add("describe", "print parameter count, FLOPs and layer table of the selected presets", (r, s) =>
{
    foreach (var spec in Specs(r))
    {
        Console.WriteLine(ModelRegistry.Describe(spec).Format());
    }
});
Add("ceiling", "fp32 and bf16 matmul GFLOP/s now (context for the other figures)", (r, s) => CeilingBenchmark.Run(s, Console.Out));
Add("throughput", "inference and training samples/s and GFLOP/s", (r, s) =>
    ThroughputBenchmark.Run(Specs(r), r.GetValue(inferBatch), r.GetValue(trainBatch), s, Console.Out));
Add("convmodes", "complex convolution schemes: single layers and whole teachers", (r, s) =>
    ConvModeBenchmark.Run(Specs(r).Where(x => ModelArchitectures.IsComplex(x.Architecture)), r.GetValue(modes)!, r.GetValue(layers), r.GetValue(inferBatch), r.GetValue(trainBatch), r.GetValue(rounds), s, Console.Out));
Add("bf16", "bf16 against fp32 inference: speed-up and output agreement", (r, s) =>
    Bf16Benchmark.Run(Specs(r), r.GetValue(inferBatch), r.GetValue(calibration), r.GetValue(rounds), s, Console.Out));
return await CliRunner.RunAsync(root, args).ConfigureAwait(false);

void Add(string name, string description, Action<ParseResult, BenchmarkSettings> run)
{
    var command = new Command(name, description);
    foreach (var option in common)
    {
        command.Options.Add(option);
    }

    if (name == "bf16")
    {
        command.Options.Add(calibration);
    }

    if (name == "convmodes")
    {
        command.Options.Add(modes);
        command.Options.Add(layers);
    }

    command.SetAction((ParseResult r, CancellationToken ct) =>
    {
        var settings = new BenchmarkSettings(r.GetValue(threads), r.GetValue(warmup), r.GetValue(minRuns), r.GetValue(minSeconds), r.GetValue(seed));
        set_num_threads(settings.Threads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {name} — {Environment.ProcessorCount} logical CPUs, torch threads {get_num_threads()}, load {Timing.LoadAverage():F1}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        run(r, settings);
        return Task.FromResult(0);
    });
    root.Subcommands.Add(command);
}

IEnumerable<ModelSpec> Specs(ParseResult r) =>
    ThroughputBenchmark.DefaultSpecs(r.GetValue(datasets)!, r.GetValue(teacherWidths)!, r.GetValue(studentWidths)!);
