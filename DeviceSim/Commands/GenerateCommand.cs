using System.CommandLine;

namespace CloudEdge.DeviceSim.Commands;

internal static class GenerateCommand
{
    public static Command Create() => new("generate", "TODO");
}
