using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Hosting;

/// <summary>Source-generated log messages of the edge.</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Cloud {Endpoint} not reachable yet (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    public static partial void ConnectRetry(ILogger logger, string endpoint, int attempt, string reason, int delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connected to the cloud at {Endpoint}")]
    public static partial void Connected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Dropped a malformed frame ({Kind}): {Error}; further frames of this kind are counted, not logged")]
    public static partial void MalformedFrame(ILogger logger, string kind, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Listening for devices on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Cloud call failed ({Kind}): {Error}; further failures of this kind are counted, not logged")]
    public static partial void CloudFailure(ILogger logger, string kind, string error);
}
