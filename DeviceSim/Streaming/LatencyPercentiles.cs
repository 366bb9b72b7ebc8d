using System.Text.Json.Serialization;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Latency percentiles in ms (linear interpolation between closest ranks, as numpy), JSON keys <c>p50</c>, <c>p95</c>, <c>p99</c>, <c>mean</c>, <c>max</c>.</summary>
public sealed record LatencyPercentiles(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("max")] double Max)
{
    /// <summary>The percentiles of <paramref name="milliseconds"/>; null when empty.</summary>
    public static LatencyPercentiles? Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        return new LatencyPercentiles(At(sorted, 50), At(sorted, 95), At(sorted, 99), sorted.Average(), sorted[^1]);
    }

    private static double At(double[] sorted, double percent)
    {
        var rank = percent / 100.0 * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
    }
}
