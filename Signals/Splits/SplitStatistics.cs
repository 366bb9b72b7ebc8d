using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.Splits;

/// <summary>Counts and label-skew measures of a split.</summary>
public static class SplitStatistics
{
    /// <summary>Samples per class among <paramref name="indices"/>.</summary>
    public static int[] ClassCounts(SignalDataset dataset, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(indices);
        var counts = new int[dataset.Classes.Count];
        foreach (var i in indices)
        {
            counts[dataset.Y[i]]++;
        }

        return counts;
    }

    /// <summary>Shannon entropy (bits) of a count vector's distribution; 0 for an empty one.</summary>
    public static double Entropy(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        double total = counts.Sum();
        return total == 0 ? 0 : -counts.Where(c => c > 0).Sum(c => c / total * Math.Log2(c / total));
    }

    /// <summary>
    /// Mean over the edges of the entropy (bits) of each edge's label distribution: log2(K) for perfectly mixed
    /// edges, falling towards 0 as the label skew grows.
    /// </summary>
    public static double MeanEdgeLabelEntropy(SignalDataset dataset, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return split.Edges.Average(e => Entropy(ClassCounts(dataset, e)));
    }
}
