using Microsoft.Extensions.Logging;

namespace CloudEdge.Grains.Federation;

/// <summary>Source-generated log messages of the federation grain.</summary>
internal static partial class FederationLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Federation {Federation} configured: {Config}")]
    public static partial void Configured(ILogger logger, string federation, string config);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Federation {Federation}: edge {Edge} joined ({Examples} examples, round {Round})")]
    public static partial void Joined(ILogger logger, string federation, string edge, long examples, int round);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Federation {Federation}: refused {What} of edge {Edge}: {Reason}")]
    public static partial void Refused(ILogger logger, string federation, string what, string edge, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Federation {Federation}: round {Round} aggregated ({ClosedBy}) from {Participants} edges with {Strategy} in {AggregationMs:0.0} ms; round took {Seconds:0.0} s")]
    public static partial void Aggregated(ILogger logger, string federation, int round, string closedBy, int participants, string strategy, double aggregationMs, double seconds);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Federation {Federation}: deadline of round {Round} passed with {Submitted} submissions, {Minimum} needed; still waiting")]
    public static partial void DeadlineWaiting(ILogger logger, string federation, int round, int submitted, int minimum);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Federation {Federation} finished after {Rounds} rounds")]
    public static partial void Finished(ILogger logger, string federation, int rounds);
}
