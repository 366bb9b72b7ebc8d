using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;
using Spectre.Console;

namespace CloudEdge.DeviceSim.Commands;

/// <summary>
/// <c>DeviceSim generate</c>: synthesises a labelled dataset (rml2016, link11 or radar) and writes it as NPZ.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>Runs at or above this many samples show a progress bar.</summary>
    private const int ProgressThreshold = 20_000;

    public static Command Create()
    {
        var ids = string.Join(", ", DatasetCatalog.Ids);
        var dataset = Opt.Required<string>("--dataset", $"dataset to synthesise: {ids}", "--dataset-type", "--dataset_type")
            .Check(v => DatasetCatalog.TryGet(v, out _), $"must be one of {ids}");
        var samplesPerClass = Opt.Create("--samples-per-class", "vectors per class; SNRs cycle through the grid so each gets an equal share", 1000)
            .Check(v => v >= 1, "must be at least 1");
        var snrMin = Opt.Optional<int?>("--snr-min", "lowest SNR in dB (default: the dataset's grid, rml2016 −20, link11 / radar −10)")
            .Check(v => v is null or (>= -60 and <= 100), "must be within −60 … 100 dB");
        var snrMax = Opt.Optional<int?>("--snr-max", "highest SNR in dB (default: rml2016 18, link11 / radar 20)")
            .Check(v => v is null or (>= -60 and <= 100), "must be within −60 … 100 dB");
        var snrStep = Opt.Create("--snr-step", "SNR grid step in dB", 2).Check(v => v >= 1, "must be at least 1");
        var length = Opt.Optional<int?>("--length", "samples per vector (default: rml2016 128, link11 / radar 1024)")
            .Check(v => v is null or (>= 8 and <= SignalGenerator.MaxLength), $"must be within 8 … {SignalGenerator.MaxLength}");
        var seed = Opt.Create("--seed", "random seed; the same seed and options give the same file", 0L);
        var classes = Opt.Optional<string>("--classes", "comma-separated subset of classes (default: all); labels are renumbered in catalog order");
        var threads = Opt.Optional<int?>("--threads", "worker threads (default: all cores)").Check(v => v is null or >= 1, "must be at least 1");
        var output = Opt.Required<string>("--out", "output .npz file", "-o").Check(v => v?.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) == true, "must name a .npz file");

        var command = new Command("generate", "Synthesise a labelled IQ dataset ([N, 2, L] float32, labels, per-sample SNR) and write it as NPZ.")
        {
            dataset, samplesPerClass, snrMin, snrMax, snrStep, length, seed, classes, threads, output,
        };
        command.SetAction((parse, ct) =>
        {
            var generator = GeneratorFactory.Create(parse.GetValue(dataset)!);
            var request = new GenerationRequest
            {
                SamplesPerClass = parse.GetValue(samplesPerClass),
                Snrs = SnrList(generator, parse.GetValue(snrMin), parse.GetValue(snrMax), parse.GetValue(snrStep)),
                Length = parse.GetValue(length),
                Seed = parse.GetValue(seed),
                Classes = parse.GetValue(classes)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Validate(generator, request, path);
            return Task.FromResult(Run(generator, request, path, ct));
        });
        return command;
    }

    private static int Run(ISignalGenerator generator, GenerationRequest request, string path, CancellationToken ct)
    {
        var classCount = request.Classes?.Count ?? generator.Info.Classes.Count;
        var total = (long)classCount * request.SamplesPerClass;
        var clock = Stopwatch.StartNew();
        SignalDataset data;
        if (total >= ProgressThreshold)
        {
            data = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{generator.Info.Id}: {total:N0} samples", maxValue: total);
                    return generator.Generate(request, new TaskProgress(task), ct);
                });
        }
        else
        {
            data = generator.Generate(request, null, ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        ct.ThrowIfCancellationRequested();
        NpzDataset.Save(data, path);
        var snrs = request.Snrs ?? generator.DefaultSnrs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {data.Count} samples ({data.Classes.Count} classes × {request.SamplesPerClass}, L = {data.Length}, SNR {snrs.Min()} … {snrs.Max()} dB, seed {request.Seed}) to {path}; generated in {seconds:0.0} s ({data.Count / Math.Max(seconds, 1e-9):0} samples/s)"));
        return 0;
    }

    /// <summary>The SNR grid from the options, or null for the dataset's default grid.</summary>
    internal static int[]? SnrList(ISignalGenerator generator, int? min, int? max, int step)
    {
        if (min is null && max is null)
        {
            return step == 2 ? null : SnrGrid.Range(generator.DefaultSnrs.Min(), generator.DefaultSnrs.Max(), step);
        }

        var low = min ?? generator.DefaultSnrs.Min();
        var high = max ?? generator.DefaultSnrs.Max();
        if (high < low)
        {
            throw new ArgumentException($"--snr-max {high} is below --snr-min {low}");
        }

        return SnrGrid.Range(low, high, step);
    }

    private static void Validate(ISignalGenerator generator, GenerationRequest request, string path)
    {
        var length = request.Length ?? generator.Info.DefaultLength;
        if (length < generator.MinLength)
        {
            throw new ArgumentException($"--length: {generator.Info.Id} needs at least {generator.MinLength} samples per vector (got {length})");
        }

        foreach (var name in request.Classes ?? [])
        {
            if (!generator.Info.Classes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--classes: unknown {generator.Info.Id} class '{name}' (known: {string.Join(", ", generator.Info.Classes)})");
            }
        }

        var classCount = request.Classes?.Distinct(StringComparer.OrdinalIgnoreCase).Count() ?? generator.Info.Classes.Count;
        var floats = (long)classCount * request.SamplesPerClass * 2 * length;
        if (floats > Array.MaxLength)
        {
            throw new ArgumentException($"--samples-per-class: {classCount} × {request.SamplesPerClass} vectors of length {length} need {floats:N0} floats, more than one array holds ({Array.MaxLength:N0}); write several files with different seeds");
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Feeds the generator's sample count (reported from worker threads, possibly out of order) into a Spectre progress task.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                if (value > task.Value)
                {
                    task.Value = value;
                }
            }
        }
    }
}
