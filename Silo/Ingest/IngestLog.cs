using Microsoft.Extensions.Logging;

namespace CloudEdge.Silo.Ingest;

/// <summary>Source-generated log messages of the device ingest endpoint.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Device ingest listening on {Endpoint} (ROUTER; devices connect a DEALER)")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Device ingest disabled (--ingest-port 0)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Ingest {Dataset}: batch of {Samples} from {Device}: accuracy {BatchAccuracy} ({Correct}/{Labelled}); overall {OverallAccuracy} over {Total} samples; teacher {TeacherMs:0.0} ms")]
    public static partial void Batch(ILogger logger, string dataset, int samples, string device, string batchAccuracy, int correct, int labelled, string overallAccuracy, long total, double teacherMs);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Ingest {Dataset}: end of stream from {Device}: {Sent} samples sent, {Classified} classified, accuracy {Accuracy}")]
    public static partial void End(ILogger logger, string dataset, string device, long sent, long classified, string accuracy);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Ingest dropped a frame ({Kind}): {Error}; further frames of this kind are counted, not logged")]
    public static partial void Rejected(ILogger logger, string kind, string error);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Ingest could not classify a batch ({Kind}): {Error}; answered as failed; further failures of this kind are counted, not logged")]
    public static partial void Failed(ILogger logger, string kind, string error);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Device ingest stopped: {Frames} frames, {Samples} samples classified, {Failed} failed, {Rejected} frames rejected; overall accuracy {Accuracy}")]
    public static partial void Stopped(ILogger logger, long frames, long samples, long failed, long rejected, string accuracy);
}
