using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using Spectre.Console;

namespace CloudEdge.DeviceSim.Commands;

/// <summary><c>DeviceSim convert</c>: imports a RadioML 2016 pickle / RadioML 2018 HDF5 (or an NPZ) into the project's NPZ.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = Opt.Required<string>("--in", "input file: RadioML 2016 pickle, RadioML 2018 HDF5 or NPZ");
        var format = Opt.Create("--format", "input format: auto (from the magic bytes, then the extension), rml2016, rml2018 or npz", "auto")
            .Check(SplitCommand.IsFormat, "must be auto, rml2016, rml2018 or npz");
        var classes = Opt.Optional<string>("--classes", "comma-separated classes to keep, in this order (RadioML names such as QAM16 accepted; default: all)");
        var classOrder = Opt.Optional<string>("--class-order", "RadioML 2018: the class of each Y column, as a comma list or a file such as classes.txt (default: the paper's order)");
        var output = Opt.Required<string>("--out", "output NPZ file (written atomically)");
        var compress = Opt.Create("--compress", "deflate the NPZ like np.savez_compressed", false);
        var command = new Command("convert", "Import a RadioML 2016 pickle or RadioML 2018 HDF5 file (or an NPZ) into the project's NPZ format.")
        {
            input, format, classes, classOrder, output, compress,
        };
        command.SetAction((parse, ct) =>
        {
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            if (Path.GetFullPath(source) == Path.GetFullPath(target))
            {
                throw new ArgumentException($"--out {target} is the input file");
            }

            var options = new DatasetImportOptions
            {
                Format = DatasetImportOptions.ParseFormat(parse.GetValue(format)),
                Classes = DatasetImportOptions.ParseClassList(parse.GetValue(classes)),
                ClassOrder = parse.GetValue(classOrder) is { } order ? RadioMl2018Classes.Parse(order) : null,
            };
            ct.ThrowIfCancellationRequested();
            var dataset = AnsiConsole.Status().Start($"reading {Markup.Escape(source)}", _ => DatasetFiles.Load(source, options));
            ct.ThrowIfCancellationRequested();
            NpzDataset.Save(dataset, target, parse.GetValue(compress));
            Console.WriteLine(Describe(dataset, target));
            return Task.FromResult(0);
        });
        return command;
    }

    internal static string Describe(SignalDataset dataset, string path)
    {
        var snr = dataset.Snr is { Length: > 0 } s ? string.Create(CultureInfo.InvariantCulture, $", SNR {s.Min()}…{s.Max()} dB") : string.Empty;
        var counts = dataset.ClassCounts();
        var classes = string.Join(", ", dataset.Classes.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c} {counts[i]}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {dataset.Count} samples of [2, {dataset.Length}]{snr}; dataset {dataset.Name ?? "(custom)"}; classes: {classes}");
    }
}
