using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using CloudEdge.Signals.Splits;
using Spectre.Console;

namespace CloudEdge.DeviceSim.Commands;

/// <summary>
/// <c>DeviceSim split</c>: held-out test set, cloud share and Dirichlet label-skew edge partition of a dataset file,
/// written as <c>{out}/{dataset}/cloud_data.npz, edge_{i}_data.npz, test_data.npz</c> plus a JSON manifest.
/// </summary>
internal static class SplitCommand
{
    public static Command Create()
    {
        var datasetType = Opt.Optional<string>("--dataset-type", $"dataset type: {string.Join(", ", DatasetCatalog.Ids)} (default: from the file's classes)")
            .Check(v => v is null || DatasetCatalog.TryGet(v, out _), $"must be one of {string.Join(", ", DatasetCatalog.Ids)}");
        var dataPath = Opt.Required<string>("--data-path", "dataset file: NPZ, RadioML 2016 pickle or RadioML 2018 HDF5");
        var format = Opt.Create("--format", "format of --data-path: auto (detect), rml2016, rml2018 or npz", "auto").Check(IsFormat, "must be auto, rml2016, rml2018 or npz");
        var classes = Opt.Optional<string>("--classes", "comma-separated classes to take from a RadioML file (default: those of --dataset-type)");
        var classOrder = Opt.Optional<string>("--class-order", "RadioML 2018: the class of each Y column, a comma list or a file (default: the paper's order)");
        var numEdges = Opt.Create("--num-edges", "number of edges", 3).Check(v => v >= 1, "must be at least 1");
        var alpha = Opt.Create("--dirichlet-alpha", "Dirichlet concentration of the edges' label mix (small = more skew)", 0.3)
            .Check(v => v > 0 && double.IsFinite(v), "must be a positive number");
        var cloudRatio = Opt.Create("--cloud-ratio", "share of the non-test samples for the cloud", 0.3).Check(v => v is > 0 and < 1, "must be in (0, 1)");
        var testRatio = Opt.Create("--test-ratio", "share of all samples held out for testing", 0.2).Check(v => v is > 0 and < 1, "must be in (0, 1)");
        var minEdge = Opt.Create("--min-edge-samples", "fewest samples per edge (capped at an equal share)", 10).Check(v => v >= 1, "must be at least 1");
        var seed = Opt.Create("--seed", "random seed", 42);
        var outputDir = Opt.Create("--output-dir", "output folder; files go to {output-dir}/{dataset-type}/", "data");
        var command = new Command("split", "Split a dataset: stratified test set, cloud share, Dirichlet(alpha) non-IID partition of the rest over the edges.")
        {
            datasetType, dataPath, format, classes, classOrder, numEdges, alpha, cloudRatio, testRatio, minEdge, seed, outputDir,
        };
        command.SetAction((parse, ct) =>
        {
            var options = new SplitOptions
            {
                NumEdges = parse.GetValue(numEdges),
                DirichletAlpha = parse.GetValue(alpha),
                CloudRatio = parse.GetValue(cloudRatio),
                TestRatio = parse.GetValue(testRatio),
                Seed = parse.GetValue(seed),
                MinEdgeSamples = parse.GetValue(minEdge),
            };
            options.Validate();
            var path = parse.GetValue(dataPath)!;
            var type = parse.GetValue(datasetType) is { } id ? DatasetCatalog.Get(id) : null;
            var import = new DatasetImportOptions
            {
                Format = DatasetImportOptions.ParseFormat(parse.GetValue(format)),
                Classes = DatasetImportOptions.ParseClassList(parse.GetValue(classes)),
                ClassOrder = parse.GetValue(classOrder) is { } order ? RadioMl2018Classes.Parse(order) : null,
            };
            var fileFormat = import.Format == DatasetFormat.Auto ? DatasetFiles.DetectFormat(path) : import.Format;
            if (type is not null && import.Classes is null && fileFormat is DatasetFormat.Rml2016 or DatasetFormat.Rml2018)
            {
                import = import with { Classes = type.Classes };
            }

            ct.ThrowIfCancellationRequested();
            var loaded = AnsiConsole.Status().Start($"reading {Markup.Escape(path)}", _ => Load(path, import, type, parse.GetValue(classes) is null));
            type ??= DatasetClasses.Infer(loaded)
                ?? throw new ArgumentException($"--dataset-type: cannot tell the dataset type of {path} (classes {string.Join(", ", loaded.Classes)}); pass --dataset-type");
            var dataset = DatasetClasses.ConformTo(loaded, type, path);
            ct.ThrowIfCancellationRequested();
            var split = DatasetSplitter.Split(dataset, options);
            var manifest = AnsiConsole.Status().Start("writing the split", _ =>
                SplitWriter.Write(dataset, split, options, parse.GetValue(outputDir)!, type.Id, SplitSource.Describe(path)));
            Print(manifest, Path.Combine(Path.GetFullPath(parse.GetValue(outputDir)!), type.Id));
            return Task.FromResult(0);
        });
        return command;
    }

    internal static bool IsFormat(string? value) => value?.ToUpperInvariant() is "AUTO" or "RML2016" or "RML2018" or "NPZ";

    /// <summary>Loads the file; a RadioML file lacking the dataset type's classes is reported as a --dataset-type mismatch.</summary>
    private static SignalDataset Load(string path, DatasetImportOptions import, DatasetInfo? type, bool classesFromType)
    {
        try
        {
            return DatasetFiles.Load(path, import);
        }
        catch (ArgumentException e) when (type is not null && classesFromType && e.Message.StartsWith("--classes: ", StringComparison.Ordinal))
        {
            // Not chained: the message already carries the inner one (CliRunner would print it twice).
            throw new ArgumentException($"--dataset-type {type.Id} expects classes [{string.Join(", ", type.Classes)}] but {path} lacks some: {e.Message["--classes: ".Length..]}");
        }
    }

    private static void Print(SplitManifest manifest, string folder)
    {
        var table = new Table().Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{manifest.Dataset}: {manifest.NumEdges} edges, alpha {manifest.DirichletAlpha}, cloud ratio {manifest.CloudRatio}, test ratio {manifest.TestRatio}, seed {manifest.Seed}")));
        table.AddColumn("part");
        foreach (var cls in manifest.Classes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(cls)).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        table.AddColumn(new TableColumn("entropy (bits)").RightAligned());
        foreach (var part in manifest.Parts)
        {
            var cells = new List<string> { part.Name };
            cells.AddRange(part.PerClass.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            cells.Add(part.Total.ToString(CultureInfo.InvariantCulture));
            cells.Add(part.LabelEntropyBits.ToString("0.00", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
        var note = manifest.Rebalanced ? $"; the last of {manifest.DirichletDraws} Dirichlet draws was rebalanced to give every edge ≥ {manifest.MinEdgeSamples} samples" : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean edge label entropy {manifest.MeanEdgeLabelEntropyBits:0.00} bits (IID: {Math.Log2(manifest.Classes.Count):0.00}){note}"));
        Console.WriteLine($"wrote {folder}{Path.DirectorySeparatorChar}{{cloud_data, edge_1..{manifest.NumEdges}_data, test_data}}.npz and {SplitManifest.FileName}");
    }
}
