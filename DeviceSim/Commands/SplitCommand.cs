using System.CommandLine;

namespace CloudEdge.DeviceSim.Commands;

internal static class SplitCommand
{
    public static Command Create() => new("split", "TODO");
}
