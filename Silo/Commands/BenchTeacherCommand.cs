using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Silo.Bench;

namespace CloudEdge.Silo.Commands;

/// <summary><c>Silo bench-teacher</c>: teacher samples/s through the grain vs the model called directly (the grain's overhead).</summary>
internal static class BenchTeacherCommand
{
    public static Command Create()
    {
        var checkpoint = Opt.Required<string>("--checkpoint", "teacher checkpoint to serve");
        var batchSize = Opt.Create("--batch-size", "samples per call", 128).Check(v => v is >= 1 and <= 4096, "must be 1..4096");
        var rounds = Opt.Create("--rounds", "alternating rounds (the best of each mode is kept)", 3).Check(v => v >= 1, "must be ≥ 1");
        var seconds = Opt.Create("--seconds", "seconds per mode and round", 5.0).Check(v => v > 0, "must be > 0");
        var command = new Command("bench-teacher", "Measure teacher samples/s: model called directly vs through the teacher grain (in the silo and over loopback TCP).")
        {
            checkpoint, batchSize, rounds, seconds,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(checkpoint)!;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"--checkpoint '{path}' does not exist");
            }

            var results = await TeacherBench.RunAsync(path, parse.GetValue(batchSize), parse.GetValue(rounds), parse.GetValue(seconds), Console.Out, ct).ConfigureAwait(false);
            var direct = results[0].SamplesPerSecond;
            Console.WriteLine();
            Console.WriteLine("| mode | samples/s (best round) | ratio to direct |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (mode, rate) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode} | {rate:F1} | {rate / direct:F3} |"));
            }

            return 0;
        });
        return command;
    }
}
