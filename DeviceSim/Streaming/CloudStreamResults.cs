using System.Text.Json.Serialization;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>
/// What a device saw streaming straight to the cloud (mode B), written by <c>--save-results</c>: the
/// <c>cloud_only</c> keys of DESIGN.md §3 (<c>overall_accuracy</c>, <c>bytes_to_cloud</c>, <c>teacher_samples</c>,
/// <c>latency_ms</c>) and more. Accuracy counts every labelled sample sent; failed or unanswered ones count as wrong.
/// </summary>
public sealed record CloudStreamResults
{
    [JsonPropertyName("mode")]
    public string Mode => "cloud";

    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    [JsonPropertyName("device_id")]
    public required string DeviceId { get; init; }

    [JsonPropertyName("samples_sent")]
    public int SamplesSent { get; init; }

    /// <summary>Samples the teacher classified (answers with a prediction).</summary>
    [JsonPropertyName("teacher_samples")]
    public int TeacherSamples { get; init; }

    /// <summary>Samples the cloud answered as failed (prediction −1).</summary>
    [JsonPropertyName("samples_failed")]
    public int SamplesFailed { get; init; }

    /// <summary>Samples without any answer before the answer timeout.</summary>
    [JsonPropertyName("samples_unanswered")]
    public int SamplesUnanswered { get; init; }

    [JsonPropertyName("overall_accuracy")]
    public double OverallAccuracy { get; init; }

    /// <summary>Bytes of every frame sent to the cloud (samples and end of stream).</summary>
    [JsonPropertyName("bytes_to_cloud")]
    public long BytesToCloud { get; init; }

    [JsonPropertyName("bytes_from_cloud")]
    public long BytesFromCloud { get; init; }

    /// <summary>Answered samples per second, from the first send to the last answer.</summary>
    [JsonPropertyName("throughput_sps")]
    public double ThroughputSps { get; init; }

    [JsonPropertyName("duration_s")]
    public double DurationSeconds { get; init; }

    /// <summary>Device send to answer received, over the answered samples.</summary>
    [JsonPropertyName("latency_ms")]
    public LatencySummary? Latency { get; init; }

    [JsonPropertyName("per_class")]
    public IReadOnlyDictionary<string, double?> PerClass { get; init; } = new Dictionary<string, double?>();

    [JsonPropertyName("per_snr")]
    public IReadOnlyDictionary<string, double> PerSnr { get; init; } = new Dictionary<string, double>();
}
