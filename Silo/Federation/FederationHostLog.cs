namespace CloudEdge.Silo.Federation;

/// <summary>Source-generated log messages of the cloud's federation hosting.</summary>
internal static partial class FederationHostLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Federation {Federation} {How}: round {Round} of {Rounds}, {Joined} of {Edges} edges joined")]
    public static partial void Ready(ILogger logger, string federation, string how, int round, int rounds, int joined, int edges);
}
