namespace CloudEdge.Learning.Federated;

/// <summary>
/// FedAvg (McMahan et al. 2017): the example-weighted mean of the client weights,
/// <c>w = Σᵢ nᵢ·wᵢ / Σᵢ nᵢ</c> (<see cref="AggregationMath.WeightedMean"/>).
/// </summary>
public sealed class FedAvgStrategy : CoordinateWiseStrategy
{
    /// <summary>The registry name, <c>fedavg</c>.</summary>
    public const string StrategyName = "fedavg";

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    protected override void AggregateFloat32(ReadOnlySpan<float[]> values, ReadOnlySpan<double> examples, Span<float> destination) =>
        AggregationMath.WeightedMean(values, examples, destination);
}
