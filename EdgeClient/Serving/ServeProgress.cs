using Spectre.Console;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Live progress while serving: a Spectre status line on an interactive console, or a plain line every
/// <c>interval</c> when the output is redirected (logs, tests, CI); an unchanged line is not repeated.
/// </summary>
public static class ServeProgress
{
    /// <summary>Shows <paramref name="status"/> until <paramref name="stop"/> fires.</summary>
    public static async Task RunAsync(Func<string> status, TimeSpan interval, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            {
                string? last = null;
                while (true)
                {
                    await Task.Delay(interval, stop).ConfigureAwait(false);
                    var line = status();
                    if (line != last)
                    {
                        Console.WriteLine(line);
                        last = line;
                    }
                }
            }

            await AnsiConsole.Status().StartAsync(Markup.Escape(status()), async context =>
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(500, interval.TotalMilliseconds)), stop).ConfigureAwait(false);
                    context.Status(Markup.Escape(status()));
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
