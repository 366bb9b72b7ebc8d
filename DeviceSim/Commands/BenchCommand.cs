using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CloudEdge.Cli;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using Spectre.Console;

namespace CloudEdge.DeviceSim.Commands;

/// <summary>
/// <c>DeviceSim bench</c>: generator throughput (samples/s) per dataset, on one thread and on all cores:
/// a warm-up (JIT tiering, per-thread buffers), then repeated timed runs until the time budget is spent.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var ids = string.Join(", ", DatasetCatalog.Ids);
        var dataset = Opt.Optional<string>("--dataset", $"dataset to measure: {ids} (default: all)", "--dataset-type", "--dataset_type")
            .Check(v => v is null || DatasetCatalog.TryGet(v, out _), $"must be one of {ids}");
        var seconds = Opt.Create("--seconds", "timed seconds per dataset and thread count", 3.0).Check(v => v is > 0 and <= 600, "must be within (0, 600]");
        var warmup = Opt.Create("--warmup", "warm-up seconds per dataset", 1.0).Check(v => v is >= 0 and <= 60, "must be within 0 … 60");
        var threads = Opt.Optional<int?>("--threads", "measure this thread count only (default: 1 and all cores)").Check(v => v is null or >= 1, "must be at least 1");
        var length = Opt.Optional<int?>("--length", "vector length (default: each dataset's own)").Check(v => v is null or (>= 8 and <= SignalGenerator.MaxLength), $"must be within 8 … {SignalGenerator.MaxLength}");
        var markdown = Opt.Create("--markdown", "print a Markdown table (for BENCHMARKS.md) instead of a console table", false);
        var command = new Command("bench", "Measure generator throughput (samples/s) per dataset.") { dataset, seconds, warmup, threads, length, markdown };
        command.SetAction((parse, ct) =>
        {
            var kinds = parse.GetValue(dataset) is { } id ? [DatasetCatalog.Get(id).Kind] : DatasetCatalog.All.Select(d => d.Kind).ToArray();
            var threadCounts = parse.GetValue(threads) is { } t ? [t] : Environment.ProcessorCount > 1 ? new[] { 1, Environment.ProcessorCount } : [1];
            var title = $"generator throughput ({Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture})";
            string[] headers = ["dataset", "L", "threads", "samples", "wall s", "samples/s", "samples/CPU-s", "MB/s"];
            var rows = new List<string[]>();
            foreach (var kind in kinds)
            {
                var generator = GeneratorFactory.Create(kind);
                var len = parse.GetValue(length) ?? generator.Info.DefaultLength;
                if (len < generator.MinLength)
                {
                    throw new ArgumentException($"--length: {generator.Info.Id} needs at least {generator.MinLength} samples per vector (got {len})");
                }

                Measure(generator, len, null, parse.GetValue(warmup), ct);
                foreach (var count in threadCounts)
                {
                    var (samples, elapsed, cpu) = Measure(generator, len, count, parse.GetValue(seconds), ct);
                    var rate = samples / elapsed;
                    rows.Add([
                        generator.Info.Id,
                        len.ToString(CultureInfo.InvariantCulture),
                        count.ToString(CultureInfo.InvariantCulture),
                        samples.ToString("N0", CultureInfo.InvariantCulture),
                        elapsed.ToString("0.00", CultureInfo.InvariantCulture),
                        rate.ToString("N0", CultureInfo.InvariantCulture),
                        (samples / cpu).ToString("N0", CultureInfo.InvariantCulture),
                        (rate * 2 * len * sizeof(float) / 1e6).ToString("0.0", CultureInfo.InvariantCulture)]);
                }
            }

            if (parse.GetValue(markdown))
            {
                Console.WriteLine(title);
                Console.WriteLine();
                Console.WriteLine($"| {string.Join(" | ", headers)} |");
                Console.WriteLine($"|{string.Concat(headers.Select((_, i) => i < 2 ? "---|" : "---:|"))}");
                foreach (var row in rows)
                {
                    Console.WriteLine($"| {string.Join(" | ", row)} |");
                }
            }
            else
            {
                var table = new Table().Title(Markup.Escape(title));
                for (var i = 0; i < headers.Length; i++)
                {
                    table.AddColumn(new TableColumn(headers[i]) { Alignment = i < 2 ? Justify.Left : Justify.Right, NoWrap = true });
                }

                foreach (var row in rows)
                {
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }

                AnsiConsole.Write(table);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>
    /// Generates batches of one dataset until <paramref name="budget"/> seconds have passed; returns the samples,
    /// the wall-clock seconds and the process CPU seconds (the latter is less sensitive to other load on the machine).
    /// </summary>
    private static (long Samples, double Seconds, double CpuSeconds) Measure(ISignalGenerator generator, int length, int? threads, double budget, CancellationToken ct)
    {
        // Batches of about 50 ms keep the loop's overhead out of the figure and still end close to the budget.
        var perClass = Math.Max(1, 2_000_000 / (length * generator.Info.Classes.Count * 16));
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long samples = 0;
        var round = 0;
        while (clock.Elapsed.TotalSeconds < budget || samples == 0)
        {
            ct.ThrowIfCancellationRequested();
            var data = generator.Generate(
                new GenerationRequest { SamplesPerClass = perClass, Length = length, Seed = round++, MaxDegreeOfParallelism = threads },
                null,
                ct);
            samples += data.Count;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (samples, elapsed, Math.Max((process.TotalProcessorTime - cpu0).TotalSeconds, 1e-9));
    }
}
