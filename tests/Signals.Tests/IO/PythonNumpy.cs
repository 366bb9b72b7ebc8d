using System.Diagnostics;

namespace CloudEdge.Signals.Tests.IO;

/// <summary>
/// Runs Python scripts with numpy (and h5py) for live interoperability checks: Debian's /usr/bin/python3 first
/// (apt python3-numpy / python3-h5py, see .ci/install-deps.sh), then python3 on the PATH.
/// </summary>
internal static class PythonNumpy
{
    private static readonly Lazy<string?> NumpyPython = new(() => Find("import numpy"));
    private static readonly Lazy<string?> H5pyPython = new(() => Find("import numpy, h5py"));

    /// <summary>A python3 that imports numpy, or null.</summary>
    public static string? Numpy => NumpyPython.Value;

    /// <summary>A python3 that imports numpy and h5py, or null.</summary>
    public static string? H5py => H5pyPython.Value;

    /// <summary>The python3 with numpy, or skips the test saying so.</summary>
    public static string RequireNumpy() =>
        Numpy ?? SkipAndReturn("python3 with numpy is not available (apt-get install python3-numpy); the committed files cover this case");

    /// <summary>The python3 with numpy and h5py, or skips the test saying so.</summary>
    public static string RequireH5py() =>
        H5py ?? SkipAndReturn("python3 with numpy and h5py is not available (apt-get install python3-numpy python3-h5py); recorded values cover this case");

    /// <summary>Runs <paramref name="script"/> (passed with -c) with the arguments; returns stdout, fails the test on a non-zero exit.</summary>
    public static string Run(string python, string script, params string[] args) => Execute(python, ["-c", script, .. args]);

    /// <summary>Runs a script file with the arguments; returns stdout, fails the test on a non-zero exit.</summary>
    public static string RunFile(string python, string file, params string[] args) => Execute(python, [file, .. args]);

    private static string Execute(string python, string[] args)
    {
        var (code, stdout, stderr) = Start(python, args);
        Assert.True(code == 0, $"python failed ({code}): {stderr}");
        return stdout.Trim();
    }

    private static string? Find(string probe)
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Start(candidate, ["-c", probe]).Code == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }

        return null;
    }

    private static (int Code, string Stdout, string Stderr) Start(string python, string[] args)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string SkipAndReturn(string reason)
    {
        Assert.Skip(reason);
        return string.Empty;
    }
}
