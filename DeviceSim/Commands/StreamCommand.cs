using System.CommandLine;

namespace CloudEdge.DeviceSim.Commands;

internal static class StreamCommand
{
    public static Command Create() => new("stream", "TODO");
}
