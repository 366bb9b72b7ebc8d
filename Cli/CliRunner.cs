using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CloudEdge.Cli;

/// <summary>
/// Runs a root command: parse errors and failures of the work itself end in one line on stderr
/// naming what is wrong, and a non-zero exit code (2 = bad input, 1 = failure while working,
/// 130 = cancelled). Ctrl-C cancels the token handed to async actions.
/// </summary>
public static class CliRunner
{
    public const int BadInput = 2;
    public const int Failure = 1;
    public const int Cancelled = 130;

    /// <summary>Console width used when the output goes to a file or pipe (Spectre would assume 80 and wrap the tables).</summary>
    public const int RedirectedWidth = 180;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors.Select(e => e.Message).Distinct())
            {
                await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
            }

            return BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            await Console.Error.WriteLineAsync($"error: {OneLine(e)}").ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {OneLine(e)}").ConfigureAwait(false);
            return Failure;
        }
    }

    /// <summary>Exceptions that mean the user's input (a file, an option) is wrong.</summary>
    public static bool IsBadInput(Exception e) =>
        e is ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or FormatException or JsonException or NotSupportedException or EndOfStreamException;

    /// <summary>The message of an exception (and its inner ones) on one line.</summary>
    public static string OneLine(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        if (e.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += $": {inner.Message}";
        }

        return message.ReplaceLineEndings(" ");
    }
}
