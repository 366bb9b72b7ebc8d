namespace CloudEdge.Learning.Federated;

/// <summary>
/// Coordinate-wise median (Yin et al. 2018), a Byzantine-robust rule: each coordinate of the global model is the
/// median of the clients' values (<see cref="AggregationMath.Median"/>). Example counts are ignored on purpose (a
/// malicious client could claim any count); with fewer than half of the clients arbitrary, every coordinate stays
/// within the honest clients' range.
/// </summary>
public sealed class MedianStrategy : CoordinateWiseStrategy
{
    /// <summary>The registry name, <c>median</c>.</summary>
    public const string StrategyName = "median";

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <inheritdoc />
    protected override void AggregateFloat32(ReadOnlySpan<float[]> values, ReadOnlySpan<double> examples, Span<float> destination) =>
        AggregationMath.Median(values, destination);
}
