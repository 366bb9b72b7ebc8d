using System.CommandLine;

namespace CloudEdge.DeviceSim.Commands;

internal static class ConvertCommand
{
    public static Command Create() => new("convert", "TODO");
}
