using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One of the system's executables started as a real process (<c>dotnet X.dll args</c>), its output captured
/// line by line; tests await lines or the exit without polling. Disposing kills the process tree.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningProcess(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _lines);

    public static RunningProcess Start(string project, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(RepoPaths.Executable(project));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var running = new RunningProcess(process);
        process.OutputDataReceived += (_, e) => running.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => running.OnLine(e.Data);
        process.Exited += (_, _) => running.OnExit();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits for an output line containing <paramref name="text"/> (including lines already seen).</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) => WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), text, timeout);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((match, found));
        }

        var done = await Task.WhenAny(found.Task, _exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (done == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        var why = done == _exited.Task ? $"process exited with {_exited.Task.Result}" : $"timed out after {timeout.TotalSeconds} s";
        throw new TimeoutException($"no line '{what}' ({why}); output:\n{Output}");
    }

    /// <summary>Waits for the process to exit on its own; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_exited.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (done != _exited.Task)
        {
            throw new TimeoutException($"process did not exit within {timeout.TotalSeconds} s; output:\n{Output}");
        }

        // Exited fires before the last output lines are read; WaitForExit() drains them.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _exited.Task.Result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    /// <summary>Asks the process to stop as Ctrl-C would (SIGTERM).</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> hits;
        lock (_gate)
        {
            _lines.Enqueue(line);
            hits = _waiters.Where(w => w.Match(line)).Select(w => w.Found).ToList();
            _waiters.RemoveAll(w => hits.Contains(w.Found));
        }

        hits.ForEach(h => h.TrySetResult(line));
    }

    private void OnExit() => _exited.TrySetResult(_process.ExitCode);
}
