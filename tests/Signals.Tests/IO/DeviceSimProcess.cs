using System.Diagnostics;

namespace CloudEdge.Signals.Tests.IO;

/// <summary>Runs the built DeviceSim (copied next to the tests by the project reference) as its own process.</summary>
internal static class DeviceSimProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DeviceSim.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"DeviceSim {string.Join(' ', args)} did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
