using System.Text.Json.Serialization;
using CloudEdge.EdgeClient.Cloud;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>What the edge ↔ cloud link carried during serving (JSON <c>link</c>).</summary>
public sealed record LinkSummary(
    [property: JsonPropertyName("calls")] long Calls,
    [property: JsonPropertyName("bytes_sent")] long BytesSent,
    [property: JsonPropertyName("bytes_received")] long BytesReceived,
    [property: JsonPropertyName("retries")] long Retries,
    [property: JsonPropertyName("failures")] long Failures,
    [property: JsonPropertyName("rate_limit_wait_s")] double RateLimitWaitSeconds)
{
    public static LinkSummary From(LinkFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new LinkSummary(figures.Calls, figures.BytesSent, figures.BytesReceived, figures.Retries, figures.Failures, figures.RateLimitWait.TotalSeconds);
    }
}
