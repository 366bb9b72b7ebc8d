namespace CloudEdge.Learning.Federated;

/// <summary>
/// FedProx (Li et al. 2020): clients minimise their loss plus <c>(mu/2)·||w − w_global||²</c>
/// (<see cref="FedProxLoss"/>), which limits client drift under non-IID data; the server aggregates exactly like
/// FedAvg (example-weighted mean). <see cref="ProximalMu"/> is what the federation hands to its clients.
/// </summary>
public sealed class FedProxStrategy : CoordinateWiseStrategy
{
    /// <summary>The registry name, <c>fedprox</c>.</summary>
    public const string StrategyName = "fedprox";

    /// <param name="mu">Proximal coefficient, finite and ≥ 0 (0 makes FedProx identical to FedAvg).</param>
    public FedProxStrategy(double mu)
    {
        FedProxLoss.CheckMu(mu);
        Mu = mu;
    }

    /// <summary>The proximal coefficient.</summary>
    public double Mu { get; }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    public override double ProximalMu => Mu;

    /// <inheritdoc />
    protected override void AggregateFloat32(ReadOnlySpan<float[]> values, ReadOnlySpan<double> examples, Span<float> destination) =>
        AggregationMath.WeightedMean(values, examples, destination);
}
