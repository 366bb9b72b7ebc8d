using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace CloudEdge.Experiments.Reporting;

/// <summary>The machine a report was made on.</summary>
public static class MachineInfo
{
    public static JsonObject Describe() => new()
    {
        ["os"] = RuntimeInformation.OSDescription,
        ["cpu"] = CpuModel(),
        ["cores"] = Environment.ProcessorCount,
        ["memory_gib"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["gpu"] = File.Exists("/proc/driver/nvidia/version") ? "nvidia" : "none",
    };

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
