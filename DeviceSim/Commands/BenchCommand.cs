using System.CommandLine;

namespace CloudEdge.DeviceSim.Commands;

internal static class BenchCommand
{
    public static Command Create() => new("bench", "TODO");
}
