using System.Text.Json.Serialization;

namespace CloudEdge.Signals.Statistics;

/// <summary>Latency percentiles in milliseconds (JSON keys <c>p50</c>, <c>p95</c>, <c>p99</c>, <c>mean</c>, <c>max</c>, <c>count</c>).</summary>
public sealed record LatencySummary(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("count")] int Count)
{
    /// <summary>The summary of <paramref name="milliseconds"/>; null when there are none.</summary>
    public static LatencySummary? Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return new LatencySummary(
            Percentiles.OfSorted(sorted, 50), Percentiles.OfSorted(sorted, 95), Percentiles.OfSorted(sorted, 99), sorted.Average(), sorted[^1], sorted.Length);
    }
}
