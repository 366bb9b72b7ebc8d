using System.Diagnostics;
using System.Text;

namespace CloudEdge.Experiments.Runner;

/// <summary>
/// One tier as a real child process (<c>dotnet X.dll args</c>): its output goes to a log file and, prefixed with
/// its name, to the console; callers wait for its exit or for a line. Disposing kills it if still running.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<string> _tail = [];
    private readonly List<(string Text, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _echo;

    private ChildProcess(string name, Process process, string logPath, bool echo)
    {
        Name = name;
        _process = process;
        _echo = echo;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        _log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public static ChildProcess Start(string name, string project, IEnumerable<string> args, string logPath, string? workingDirectory = null, bool echo = true)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(Executables.Find(project));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, logPath, echo);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Exited += (_, _) => child._exited.TrySetResult(process.ExitCode);
        child._log.WriteLine($"$ dotnet {string.Join(' ', info.ArgumentList.Select(Quote))}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the exit; a non-zero exit code is an error naming the tier, its log and its last lines.</summary>
    public async Task WaitForSuccessAsync(CancellationToken cancellationToken)
    {
        var code = await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Name} failed with exit code {code} (log: {LogPath}): {LastLines(3)}");
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var code = await _exited.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return code;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> appears (or fails if the process exits first).</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((text, found));
        }

        var done = await Task.WhenAny(found.Task, _exited.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (done == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException(done == _exited.Task
            ? $"{Name} exited with code {_exited.Task.Result} before it was ready (log: {LogPath}): {LastLines(3)}"
            : $"{Name} was not ready after {timeout.TotalSeconds:0} s (log: {LogPath})");
    }

    /// <summary>Asks the process to stop as Ctrl-C would (SIGTERM) and waits for it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        if (await Task.WhenAny(_exited.Task, Task.Delay(grace)).ConfigureAwait(false) != _exited.Task)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private string LastLines(int n)
    {
        lock (_gate)
        {
            return string.Join(" | ", _tail.TakeLast(n));
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
            _log.WriteLine(line);
            _tail.Add(line);
            if (_tail.Count > 50)
            {
                _tail.RemoveAt(0);
            }

            hits = _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).Select(w => w.Found).ToList();
            _waiters.RemoveAll(w => hits.Contains(w.Found));
        }

        hits.ForEach(h => h.TrySetResult(line));
        if (_echo && !string.IsNullOrWhiteSpace(line))
        {
            Console.WriteLine($"  [{Name}] {line}");
        }
    }

    private static string Quote(string a) => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a;
}
