using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Cloud;

/// <summary>Source-generated log messages of the edge ↔ cloud link.</summary>
internal static partial class LinkLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Cloud call {Operation} failed (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    public static partial void Retry(ILogger logger, string operation, int attempt, string reason, int delayMs);
}
