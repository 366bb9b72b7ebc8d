namespace CloudEdge.Learning.Federated;

/// <summary>Creates aggregation strategies by name (the <c>--strategy</c> value), case-insensitively.</summary>
public static class StrategyRegistry
{
    /// <summary>The known names: <c>fedavg</c>, <c>fedprox</c>, <c>median</c>, <c>trimmed-mean</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [FedAvgStrategy.StrategyName, FedProxStrategy.StrategyName, MedianStrategy.StrategyName, TrimmedMeanStrategy.StrategyName];

    /// <summary>
    /// The strategy called <paramref name="name"/>, with FedProx's <c>mu</c> and the trimmed mean's β taken from
    /// <paramref name="settings"/> (defaults when null). Throws <see cref="ArgumentException"/> listing the known
    /// names for an unknown one, or naming the invalid setting.
    /// </summary>
    public static IAggregationStrategy Create(string name, StrategySettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        settings ??= new StrategySettings();
        var key = name.Trim();
        if (Is(key, FedAvgStrategy.StrategyName))
        {
            return new FedAvgStrategy();
        }

        if (Is(key, FedProxStrategy.StrategyName))
        {
            return new FedProxStrategy(settings.ProximalMu);
        }

        if (Is(key, MedianStrategy.StrategyName))
        {
            return new MedianStrategy();
        }

        if (Is(key, TrimmedMeanStrategy.StrategyName))
        {
            return new TrimmedMeanStrategy(settings.TrimFraction);
        }

        throw new ArgumentException($"unknown aggregation strategy '{name}'; known: {string.Join(", ", Names)}");
    }

    private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
