using System.Text.Json.Serialization;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The results of <c>EdgeClient serve</c> as written by <c>--save-results</c>: the keys of DESIGN.md §3
/// (<c>dataset</c>, <c>samples_received</c>, <c>samples_dropped</c>, <c>malformed_frames</c>, <c>thresholds</c>)
/// plus the run's settings, fault counts, link figures and the adaptive controller's row.
/// </summary>
public sealed record ServeReport
{
    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    [JsonPropertyName("edge_id")]
    public int EdgeId { get; init; }

    [JsonPropertyName("edge_model")]
    public string EdgeModel { get; init; } = string.Empty;

    [JsonPropertyName("confidence")]
    public string Confidence { get; init; } = "max";

    [JsonPropertyName("data_source")]
    public string DataSource { get; init; } = "device";

    [JsonPropertyName("batch_size")]
    public int BatchSize { get; init; }

    [JsonPropertyName("max_delay_ms")]
    public double MaxDelayMs { get; init; }

    [JsonPropertyName("rate_limit_mb_s")]
    public double RateLimitMegabytesPerSecond { get; init; }

    /// <summary><c>end of stream</c>, <c>cancelled</c>, <c>idle</c> or <c>source closed</c>.</summary>
    [JsonPropertyName("stop_reason")]
    public string StopReason { get; init; } = string.Empty;

    [JsonPropertyName("duration_s")]
    public double DurationSeconds { get; init; }

    [JsonPropertyName("devices_ended")]
    public int DevicesEnded { get; init; }

    /// <summary>Samples in frames the edge accepted.</summary>
    [JsonPropertyName("samples_received")]
    public long SamplesReceived { get; init; }

    /// <summary>Samples classified (each is in every threshold row).</summary>
    [JsonPropertyName("samples_served")]
    public long SamplesServed { get; init; }

    /// <summary>Accepted samples never classified (serving stopped first).</summary>
    [JsonPropertyName("samples_dropped")]
    public long SamplesDropped { get; init; }

    /// <summary>Samples the devices said they sent (their end-of-stream frames).</summary>
    [JsonPropertyName("samples_announced")]
    public long SamplesAnnounced { get; init; }

    /// <summary>Announced samples that never arrived in an accepted frame.</summary>
    [JsonPropertyName("samples_missing")]
    public long SamplesMissing { get; init; }

    /// <summary>Frames rejected as malformed (all kinds).</summary>
    [JsonPropertyName("malformed_frames")]
    public long MalformedFrames { get; init; }

    [JsonPropertyName("malformed_by_kind")]
    public IReadOnlyDictionary<string, long> MalformedByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Cloud calls that failed after the link's retries (each fell back to the edge's answers).</summary>
    [JsonPropertyName("cloud_failures")]
    public long CloudFailures { get; init; }

    /// <summary>Samples answered at the edge instead of the cloud, by reason (failure kind, <c>queue_full</c>, <c>cancelled</c>).</summary>
    [JsonPropertyName("degraded_by_kind")]
    public IReadOnlyDictionary<string, long> DegradedByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Samples the run routed to the cloud but answered at the edge.</summary>
    [JsonPropertyName("degraded")]
    public long Degraded { get; init; }

    [JsonPropertyName("link")]
    public LinkSummary? Link { get; init; }

    /// <summary>One row per fixed threshold (ascending), then the adaptive controller's row (<c>"threshold": "adaptive"</c>) when it ran.</summary>
    [JsonPropertyName("thresholds")]
    public IReadOnlyList<ThresholdRow> Thresholds { get; init; } = [];

    /// <summary>The adaptive controller's targets, when it ran.</summary>
    [JsonPropertyName("adaptive_target")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdaptiveSettings? AdaptiveTarget { get; init; }
}
