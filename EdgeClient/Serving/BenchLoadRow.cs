using System.Text.Json.Serialization;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>One paced benchmark run: the offered load (a fraction of the measured pipeline throughput), what was achieved, and the latency.</summary>
public sealed record BenchLoadRow(
    [property: JsonPropertyName("load")] double Load,
    [property: JsonPropertyName("offered_sps")] double OfferedSps,
    [property: JsonPropertyName("achieved_sps")] double AchievedSps,
    [property: JsonPropertyName("latency_ms")] LatencySummary? Latency);
