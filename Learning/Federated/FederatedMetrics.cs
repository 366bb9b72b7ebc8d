namespace CloudEdge.Learning.Federated;

/// <summary>Aggregation of the clients' metrics for a round's history (Flower's <c>fit_metrics_aggregation_fn</c>).</summary>
public static class FederatedMetrics
{
    /// <summary>
    /// Per metric name, the example-weighted mean over the updates that report it (names in ordinal order).
    /// Non-finite values are skipped (<see cref="UpdateValidator"/> rejects them anyway).
    /// </summary>
    public static IReadOnlyDictionary<string, double> WeightedMean(IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var sums = new SortedDictionary<string, (double Sum, double Weight)>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            ArgumentNullException.ThrowIfNull(update, nameof(updates));
            if (update.Examples < 1)
            {
                continue;
            }

            foreach (var (name, value) in update.Metrics)
            {
                if (double.IsFinite(value))
                {
                    var (sum, weight) = sums.GetValueOrDefault(name);
                    sums[name] = (sum + (update.Examples * value), weight + update.Examples);
                }
            }
        }

        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, (sum, weight)) in sums)
        {
            result[name] = sum / weight;
        }

        return result;
    }
}
