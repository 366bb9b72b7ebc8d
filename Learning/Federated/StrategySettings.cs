namespace CloudEdge.Learning.Federated;

/// <summary>Parameters of the strategies that have any, for <see cref="StrategyRegistry.Create"/>.</summary>
public sealed record StrategySettings
{
    /// <summary>Default FedProx coefficient.</summary>
    public const double DefaultProximalMu = 0.01;

    /// <summary>Default trimmed-mean fraction (Flower's FedTrimmedAvg default β).</summary>
    public const double DefaultTrimFraction = 0.2;

    /// <summary>FedProx's <c>mu</c> (finite, ≥ 0).</summary>
    public double ProximalMu { get; init; } = DefaultProximalMu;

    /// <summary>Trimmed mean's β in [0, 0.5).</summary>
    public double TrimFraction { get; init; } = DefaultTrimFraction;
}
