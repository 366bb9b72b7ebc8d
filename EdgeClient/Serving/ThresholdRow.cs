using System.Text.Json.Serialization;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The served results as one routing threshold would have produced them (JSON keys of DESIGN.md §3 plus more).
/// Accuracies are over labelled samples, in [0, 1]; edge / cloud accuracy are null when that side answered no
/// labelled sample. Latencies run from the device's send time to the final answer.
/// </summary>
public sealed record ThresholdRow
{
    /// <summary>The fixed threshold, or null for the adaptive controller's row.</summary>
    [JsonIgnore]
    public double? Value { get; init; }

    /// <summary>The threshold as written: a number, or <c>"adaptive"</c>.</summary>
    [JsonPropertyName("threshold")]
    public object Threshold => Value is { } v ? v : "adaptive";

    /// <summary>Adaptive row only: the mean threshold the controller applied over the samples.</summary>
    [JsonPropertyName("mean_threshold")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MeanThreshold { get; init; }

    [JsonPropertyName("samples")]
    public int Samples { get; init; }

    [JsonPropertyName("labelled")]
    public int Labelled { get; init; }

    [JsonPropertyName("overall_accuracy")]
    public double OverallAccuracy { get; init; }

    [JsonPropertyName("edge_accuracy")]
    public double? EdgeAccuracy { get; init; }

    [JsonPropertyName("cloud_accuracy")]
    public double? CloudAccuracy { get; init; }

    /// <summary>Share of samples routed to the cloud.</summary>
    [JsonPropertyName("cloud_call_rate")]
    public double CloudCallRate { get; init; }

    [JsonPropertyName("edge_samples")]
    public int EdgeSamples { get; init; }

    [JsonPropertyName("cloud_samples")]
    public int CloudSamples { get; init; }

    /// <summary>Cloud-routed samples answered by the edge instead (cloud failed or its queue was full).</summary>
    [JsonPropertyName("degraded")]
    public int Degraded { get; init; }

    /// <summary>IQ payload bytes this threshold sends to the cloud.</summary>
    [JsonPropertyName("bytes_to_cloud")]
    public long BytesToCloud { get; init; }

    /// <summary>Samples answered per second, from the first sample received to the last final answer.</summary>
    [JsonPropertyName("throughput_sps")]
    public double ThroughputSps { get; init; }

    [JsonPropertyName("latency_ms")]
    public LatencySummary? Latency { get; init; }

    [JsonPropertyName("latency_edge_ms")]
    public LatencySummary? EdgeLatency { get; init; }

    [JsonPropertyName("latency_cloud_ms")]
    public LatencySummary? CloudLatency { get; init; }

    /// <summary>Accuracy per class name (null for a class without labelled samples).</summary>
    [JsonPropertyName("per_class")]
    public IReadOnlyDictionary<string, double?> PerClass { get; init; } = new Dictionary<string, double?>();

    /// <summary>Accuracy per SNR (dB as text, ascending); empty when SNRs are unknown.</summary>
    [JsonPropertyName("per_snr")]
    public IReadOnlyDictionary<string, double> PerSnr { get; init; } = new Dictionary<string, double>();
}
