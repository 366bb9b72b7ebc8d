using System.Diagnostics;
using Spectre.Console;

namespace CloudEdge.Experiments.Runner;

/// <summary>Announces stages on the console and records how long each took (report.json "durations_s").</summary>
public sealed class StageTimer
{
    private readonly Dictionary<string, double> _durations = [];

    public IReadOnlyDictionary<string, double> Durations => _durations;

    public async Task<T> RunAsync<T>(string stage, string what, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(stage)}[/]: {Markup.Escape(what)}").LeftJustified());
        var clock = Stopwatch.StartNew();
        var result = await work().ConfigureAwait(false);
        _durations[stage] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        AnsiConsole.MarkupLine($"[green]{Markup.Escape(stage)} done[/] in {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    public void Skipped(string stage, string why)
    {
        _durations.TryAdd(stage, 0);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(stage)}: skipped ({Markup.Escape(why)})[/]");
    }
}
