using System.Globalization;

namespace CloudEdge.Experiments.Runner;

/// <summary>Runs one command of a tier to completion, its output logged under the run's logs folder.</summary>
public static class Tiers
{
    public static async Task RunAsync(ExperimentConfig config, string name, string project, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        await using var child = ChildProcess.Start(name, project, args, Path.Combine(config.LogsDir, name + ".log"));
        await child.WaitForSuccessAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs several commands at once (e.g. the edges of a federation) and waits for all.</summary>
    public static async Task RunAllAsync(ExperimentConfig config, IEnumerable<(string Name, string Project, IEnumerable<string> Args)> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var children = commands.Select(c => ChildProcess.Start(c.Name, c.Project, c.Args, Path.Combine(config.LogsDir, c.Name + ".log"))).ToList();
        try
        {
            await Task.WhenAll(children.Select(c => c.WaitForSuccessAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
