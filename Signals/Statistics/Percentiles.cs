namespace CloudEdge.Signals.Statistics;

/// <summary>Percentiles with linear interpolation between closest ranks (numpy's default method).</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>-th percentile (0..100) of values sorted ascending.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values to take a percentile of", nameof(sorted));
        }

        if (!(percent is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "a percentile is in [0, 100]");
        }

        var rank = percent / 100.0 * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((rank - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The <paramref name="percent"/>-th percentile of unsorted values (they are not modified).</summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, percent);
    }
}
