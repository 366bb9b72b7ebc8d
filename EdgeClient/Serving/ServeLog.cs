using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Source-generated log messages of the serving pipeline.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Cloud call failed ({Kind}) for {Samples} samples: {Error}; answering them at the edge; further failures of this kind are counted, not logged")]
    public static partial void CloudFailed(ILogger logger, string kind, int samples, string error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "The queue to the cloud is full ({Capacity} requests): answering {Samples} samples at the edge; further overflows are counted, not logged")]
    public static partial void CloudQueueFull(ILogger logger, int capacity, int samples);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Reporting to the cloud's edge statistics failed: {Error}; further failures are counted, not logged")]
    public static partial void ReportFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "No frame for {Seconds} s with {Ended} of {Expected} device(s) finished: treating the rest as disconnected")]
    public static partial void Idle(ILogger logger, double seconds, int ended, int expected);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "The cloud has no teacher for {Dataset} ({Error}); serving at the edge only, as no threshold routes samples to the cloud")]
    public static partial void NoTeacher(ILogger logger, string dataset, string error);
}
