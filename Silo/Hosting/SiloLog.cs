using Microsoft.Extensions.Logging;

namespace CloudEdge.Silo.Hosting;

/// <summary>Source-generated log messages of the cloud host.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "CloudEdge silo ready: gateway 127.0.0.1:{GatewayPort}, silo port {SiloPort}, dashboard {DashboardUrl}")]
    public static partial void Ready(ILogger logger, int gatewayPort, int siloPort, string dashboardUrl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Teachers registered for: {Datasets}")]
    public static partial void Teachers(ILogger logger, string datasets);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "CloudEdge silo stopping; teachers served {Batches} batches, {Samples} samples, {BytesIn} bytes in, {BytesOut} bytes out, {Rejected} rejected")]
    public static partial void Stopping(ILogger logger, long batches, long samples, long bytesIn, long bytesOut, long rejected);
}
