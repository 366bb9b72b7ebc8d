using CloudEdge.Experiments.Reporting;
using CloudEdge.Experiments.Runner;
using CloudEdge.Experiments.Scenarios;
using Spectre.Console;

namespace CloudEdge.Experiments;

/// <summary>The workflow: data → teacher → scenarios (one cloud for all of them) → report.</summary>
internal static class Experiment
{
    public static async Task RunAsync(ExperimentConfig config, Scenario scenarios, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(config.OutDir);
        AnsiConsole.MarkupLine(Markup.Escape($"CloudEdge experiments: {config.Dataset}, preset {config.Preset.Name}, {config.NumEdges} edges, Dirichlet {config.DirichletAlpha}, seed {config.Seed} → {config.OutDir}"));
        var cache = new StageCache(config.OutDir, config.Force);
        var timer = new StageTimer();
        if (scenarios.HasFlag(Scenario.Prepare))
        {
            await DataStage.RunAsync(config, cache, timer, cancellationToken).ConfigureAwait(false);
            await PretrainStage.RunAsync(config, cache, timer, cancellationToken).ConfigureAwait(false);
        }
        else if (scenarios != Scenario.None && !File.Exists(config.TeacherPath))
        {
            throw new FileNotFoundException($"--out: no teacher at {config.TeacherPath}; run `Experiments all` first");
        }

        CloudSession? session = null;
        async Task<CloudSession> Cloud() => session ??= await CloudSession.StartAsync(config, cancellationToken).ConfigureAwait(false);
        try
        {
            if (scenarios.HasFlag(Scenario.Kd))
            {
                await KdScenario.RunAsync(config, cache, timer, Cloud, cancellationToken).ConfigureAwait(false);
            }

            if (scenarios.HasFlag(Scenario.Fl))
            {
                await FlScenario.RunAsync(config, cache, timer, Cloud, cancellationToken).ConfigureAwait(false);
            }

            if (scenarios.HasFlag(Scenario.Thresholds))
            {
                await ThresholdScenario.RunAsync(config, cache, timer, Cloud, cancellationToken).ConfigureAwait(false);
            }

            if (scenarios.HasFlag(Scenario.Compare))
            {
                await CompareScenario.RunAsync(config, cache, timer, Cloud, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }

        var report = await timer.RunAsync("report", "report.md, report.json and plots", () => Task.FromResult(ReportWriter.Write(config, timer.Durations))).ConfigureAwait(false);
        AnsiConsole.MarkupLine(Markup.Escape($"report: {report}"));
    }
}
