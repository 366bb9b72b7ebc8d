using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using Spectre.Console;

namespace CloudEdge.Silo.Commands;

/// <summary>
/// <c>Silo pretrain</c>: trains the cloud teacher on <c>{data-path}/cloud_data.npz</c> with a stratified
/// validation hold-out, scores <c>{data-path}/test_data.npz</c>, and writes the checkpoint, its metrics and
/// the epoch log (default <c>models/cloud/{dataset}/cloud_pretrain_model.{ckpt,metrics.json,log.json}</c>).
/// </summary>
internal static class PretrainCommand
{
    public static Command Create()
    {
        var datasetType = Opt.Create("--dataset-type", "dataset type: rml2016, link11 or radar", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var dataPath = Opt.Optional<string>("--data-path", "split folder holding cloud_data.npz and test_data.npz (default: data/{dataset-type})");
        var numClasses = Opt.Optional<int?>("--num-classes", "expected number of classes (checked against the data)");
        var cloudModel = Opt.Optional<string>("--cloud-model", "teacher preset (default: complex_resnet50_{dataset-type})");
        var batchSize = Opt.Create("--batch-size", "training batch size", 128).Check(v => v > 0, "must be positive");
        var epochs = Opt.Create("--epochs", "training epochs", 100).Check(v => v > 0, "must be positive");
        var learningRate = Opt.Create("--learning-rate", "Adam learning rate", 0.001, "--lr").Check(v => v > 0 && double.IsFinite(v), "must be a positive number");
        var weightDecay = Opt.Create("--weight-decay", "Adam weight decay", 0.0).Check(v => v >= 0 && double.IsFinite(v), "must not be negative");
        var schedule = Opt.Create("--schedule", "learning-rate schedule: cosine, step or constant", "cosine").OneOf("cosine", "step", "constant");
        var patience = Opt.Create("--patience", "stop after this many epochs without a better validation accuracy (0 = never)", 0).Check(v => v >= 0, "must not be negative");
        var width = Opt.Create("--width", "channel width multiplier (1 = published widths; e.g. 0.25 for a quick CPU run)", 1.0)
            .Check(v => v > 0 && v <= ModelSpec.MaxWidth, string.Create(CultureInfo.InvariantCulture, $"must be in (0, {ModelSpec.MaxWidth}]"));
        var depth = Opt.Optional<string>("--depth", "blocks per stage, comma-separated (e.g. 1,1,1,1; default: published depth)");
        var seed = Opt.Create("--seed", "seed of weights, shuffling and validation split", 42L);
        var valRatio = Opt.Create("--val-ratio", "share of cloud_data held out for validation (0 = none)", 0.1).Check(v => v is >= 0 and < 1, "must be in [0, 1)");
        var output = Opt.Optional<string>("--out", "checkpoint to write (default: models/cloud/{dataset-type}/cloud_pretrain_model.ckpt)");
        var device = Opt.Create("--device", "auto, cpu, cuda or cuda:N", "auto");
        var initFrom = Opt.Optional<string>("--init-from", "start from this checkpoint's weights (continue or fine-tune a teacher; same model, dataset and classes) instead of a seeded initialisation");
        var describe = Opt.Create("--describe", "print the model's parameters and FLOPs per sample, then exit", false);
        var command = new Command("pretrain", "Train the cloud teacher on the cloud share of a split and write its checkpoint and metrics.")
        {
            datasetType, dataPath, numClasses, cloudModel, batchSize, epochs, learningRate, weightDecay, schedule, patience,
            width, depth, seed, valRatio, output, device, initFrom, describe,
        };
        command.SetAction((parse, ct) =>
        {
            var dataset = DatasetCatalog.Get(parse.GetValue(datasetType)!);
            var preset = parse.GetValue(cloudModel) ?? ModelRegistry.PresetName(ModelArchitectures.ComplexResNet50, dataset);
            var depths = Opt.PositiveIntList(parse.GetValue(depth), "--depth");
            if (parse.GetValue(describe))
            {
                var described = ModelRegistry.Resolve(preset, dataset, null, parse.GetValue(width), depths);
                Console.Out.Write(ModelRegistry.Describe(described).Format());
                return Task.FromResult(0);
            }

            try
            {
                ModelRegistry.Resolve(preset, dataset, null, parse.GetValue(width), depths);
            }
            catch (ArgumentException e)
            {
                var reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
                throw new ArgumentException($"--cloud-model/--width/--depth: {reason}", e);
            }

            if (parse.GetValue(initFrom) is { } start && !File.Exists(start))
            {
                throw new FileNotFoundException($"--init-from: checkpoint '{start}' does not exist", start);
            }

            var outputPath = parse.GetValue(output) ?? Path.Combine("models", "cloud", dataset.Id, "cloud_pretrain_model.ckpt");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            var folder = parse.GetValue(dataPath) ?? Path.Combine("data", dataset.Id);
            var cloudFile = Path.Combine(folder, "cloud_data.npz");
            var testFile = Path.Combine(folder, "test_data.npz");
            var options = new TrainerOptions
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize),
                LearningRate = parse.GetValue(learningRate),
                WeightDecay = parse.GetValue(weightDecay),
                Schedule = Enum.Parse<LearningRateSchedule>(parse.GetValue(schedule)!, ignoreCase: true),
                Patience = parse.GetValue(patience) is > 0 and var p ? p : null,
                Seed = parse.GetValue(seed),
                Device = TorchRuntime.ParseDevice(parse.GetValue(device)),
            };
            options.Validate();
            if (options.Patience is not null && parse.GetValue(valRatio) == 0)
            {
                throw new ArgumentException("--patience needs a validation set (--val-ratio > 0)");
            }

            var data = AnsiConsole.Status().Start($"reading {Markup.Escape(cloudFile)}", _ => DatasetFiles.Load(cloudFile));
            if (parse.GetValue(numClasses) is { } expected && expected != data.Classes.Count)
            {
                throw new ArgumentException($"--num-classes is {expected} but {cloudFile} has {data.Classes.Count} classes ({string.Join(", ", data.Classes)})");
            }

            var test = File.Exists(testFile) ? DatasetFiles.Load(testFile) : null;
            if (test is null)
            {
                AnsiConsole.MarkupLine($"[yellow]no {Markup.Escape(testFile)}: the test accuracy will not be measured[/]");
            }

            var job = new SupervisedJob
            {
                Dataset = dataset.Id,
                Preset = preset,
                Width = parse.GetValue(width),
                Depth = depths,
                Data = data,
                Test = test,
                ValRatio = parse.GetValue(valRatio),
                Trainer = options,
                OutputPath = outputPath,
                InitialCheckpoint = parse.GetValue(initFrom),
                Method = "pretrain",
            };
            var spec = SupervisedTraining.ResolveSpec(job.Preset, job.Dataset, data, job.Width, job.Depth);
            AnsiConsole.MarkupLine(Markup.Escape(ModelRegistry.Describe(spec).Summary()));
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"training on {data.Count} samples of {cloudFile} ({job.ValRatio:P0} held out for validation), device {options.Device}, {options.Epochs} epochs, batch {options.BatchSize}, lr {options.LearningRate}{(job.InitialCheckpoint is { } init ? $", starting from {init}" : string.Empty)}")));
            var outcome = SupervisedTraining.Run(job, new ConsoleTrainingProgress("pretrain"), ct);
            Report(outcome, job);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Report(SupervisedOutcome outcome, SupervisedJob job)
    {
        var m = outcome.Metrics;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"best epoch {m.BestEpoch}/{m.EpochsRun}{(m.StoppedEarly ? " (stopped early)" : string.Empty)}, val accuracy {m.BestValAccuracy:P2}, {m.SamplesPerSecond:F0} samples/s, {m.Seconds:F0} s")));
        if (m.Test is { } test)
        {
            ReportTables.Write(AnsiConsole.Console, test, $"test: {job.Test?.Count ?? 0} samples");
        }

        AnsiConsole.MarkupLine(Markup.Escape($"wrote {job.OutputPath}, {job.MetricsPath}, {job.LogPath}"));
    }
}
