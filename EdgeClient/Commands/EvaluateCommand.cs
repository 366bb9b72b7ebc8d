using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CloudEdge.Cli;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using Spectre.Console;
using static TorchSharp.torch;

namespace CloudEdge.EdgeClient.Commands;

/// <summary>
/// <c>EdgeClient evaluate</c>: accuracy of a checkpoint on any supported data file (NPZ, RadioML 2016 pickle,
/// RadioML 2018 HDF5). The model's classes are picked out of the file by name; others are skipped and listed.
/// Prints overall, per-class and per-SNR accuracy and the confusion matrix; <c>--json</c> writes them.
/// <c>--versus</c> scores a second checkpoint on the same samples and compares the two sample by sample
/// (<see cref="PairedComparison"/>: accuracy difference with its 95 % interval, McNemar's exact test).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var modelPath = Opt.Required<string>("--model", "checkpoint to evaluate (.ckpt)");
        var dataPath = Opt.Required<string>("--data", "data file: NPZ, RadioML 2016 pickle or RadioML 2018 HDF5");
        var format = Opt.Create("--format", "format of --data (auto: detect)", "auto").OneOf("auto", "rml2016", "rml2018", "npz");
        var classOrder = Opt.Optional<string>("--class-order", "RadioML 2018: the class of each Y column, a comma list or a file (default: the paper's order)");
        var json = Opt.Optional<string>("--json", "write the results to this JSON file");
        var batchSize = Opt.Create("--batch-size", "inference batch size", 256).Check(v => v > 0, "must be positive");
        var device = Opt.Create("--device", "auto, cpu, cuda or cuda:N", "auto");
        var precision = Opt.Create("--precision", "inference precision of weights and activations: fp32 or bf16", "fp32").OneOf([.. ModelPrecision.Names]);
        var versusPath = Opt.Optional<string>("--versus", "a second checkpoint (same classes) to compare with on the same samples: accuracy difference, 95 % interval, McNemar's exact test");
        var command = new Command("evaluate", "Accuracy of a checkpoint on a dataset file: overall, per class, per SNR, confusion matrix.")
        {
            modelPath, dataPath, format, classOrder, json, batchSize, device, precision, versusPath,
        };
        command.SetAction((parse, ct) =>
        {
            var target = TorchRuntime.ParseDevice(parse.GetValue(device));
            var checkpoint = Checkpoint.Load(parse.GetValue(modelPath)!);
            var metadata = checkpoint.Metadata;
            var versus = parse.GetValue(versusPath) is { } other
                ? Checkpoint.Load(other, new CheckpointExpectation(Classes: metadata.Classes, InputLength: metadata.InputLength))
                : null;
            var path = parse.GetValue(dataPath)!;
            var import = new DatasetImportOptions
            {
                Format = DatasetImportOptions.ParseFormat(parse.GetValue(format)),
                ClassOrder = parse.GetValue(classOrder) is { } order ? RadioMl2018Classes.Parse(order) : null,
            };
            var data = AnsiConsole.Status().Start($"reading {Markup.Escape(path)}", _ => DatasetFiles.Load(path, import));
            if (data.Length != metadata.InputLength)
            {
                throw new ArgumentException($"{path} holds vectors of length {data.Length} but the model {metadata.Preset} takes length {metadata.InputLength}");
            }

            var selection = ClassSelection.Select(data, metadata.Classes);
            if (selection.SkippedClasses.Count > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"skipping {selection.SkippedSamples} samples of classes the model does not know: {string.Join(", ", selection.SkippedClasses)}")));
            }

            var inference = ModelPrecision.Parse(parse.GetValue(precision)!);
            var picked = selection.Data;
            var predicted = Predict(checkpoint, picked, inference, target, parse.GetValue(batchSize), ct);
            var report = ClassificationReport.Compute(picked.Classes, picked.Y, predicted, picked.Snr)
                with { SkippedClasses = selection.SkippedClasses.Count > 0 ? selection.SkippedClasses : null };
            ReportTables.Write(AnsiConsole.Console, report, $"{metadata.Preset} ({Path.GetFileName(checkpoint.Path)}, {parse.GetValue(precision)}) on {Path.GetFileName(path)}");
            PairedComparison? comparison = null;
            if (versus is not null)
            {
                var versusPredicted = Predict(versus, picked, inference, target, parse.GetValue(batchSize), ct);
                comparison = PairedComparison.Compute(picked.Y, predicted, versusPredicted);
                var (name, versusName) = (Path.GetFileName(checkpoint.Path), Path.GetFileName(versus.Path));
                PairedTable.Write(AnsiConsole.Console, comparison, name == versusName ? checkpoint.Path : name, name == versusName ? versus.Path : versusName);
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                var node = JsonSerializer.SerializeToNode(report, LearningJson.Options)!.AsObject();
                if (comparison is not null)
                {
                    node["versus"] = JsonSerializer.SerializeToNode(comparison, LearningJson.Options);
                    node["versus_model"] = versus!.Path;
                }

                LearningJson.Write(jsonPath, node);
                AnsiConsole.MarkupLine(Markup.Escape($"wrote {jsonPath}"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static long[] Predict(LoadedCheckpoint checkpoint, SignalDataset data, InferencePrecision precision, Device target, int batchSize, CancellationToken ct)
    {
        using var model = ModelPrecision.ForInference(checkpoint.CreateModel(target), precision);
        var options = new PredictOptions { BatchSize = batchSize, Normalization = checkpoint.Metadata.Normalization };
        return Predictor.Predict(model, data, options, ct).Predicted;
    }
}
