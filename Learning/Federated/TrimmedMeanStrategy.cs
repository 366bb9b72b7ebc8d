namespace CloudEdge.Learning.Federated;

/// <summary>
/// Coordinate-wise trimmed mean (Yin et al. 2018; Flower's FedTrimmedAvg), a Byzantine-robust rule: per
/// coordinate, the <c>k = ⌊β·n⌋</c> largest and smallest client values are dropped and the rest averaged
/// (<see cref="AggregationMath.TrimmedMean"/>). Up to <c>k</c> arbitrary clients cannot move a coordinate outside
/// the honest range; with <c>k = 0</c> (few clients or small β) it is the plain, unprotected mean. Example counts
/// are ignored on purpose.
/// </summary>
public sealed class TrimmedMeanStrategy : CoordinateWiseStrategy
{
    /// <summary>The registry name, <c>trimmed-mean</c>.</summary>
    public const string StrategyName = "trimmed-mean";

    /// <param name="trimFraction">β in [0, 0.5): the fraction of clients trimmed from each end.</param>
    public TrimmedMeanStrategy(double trimFraction)
    {
        AggregationMath.TrimCount(1, trimFraction);
        TrimFraction = trimFraction;
    }

    /// <summary>β, the fraction trimmed from each end.</summary>
    public double TrimFraction { get; }

    /// <inheritdoc />
    public override string Name => StrategyName;

    /// <summary>Clients trimmed from each end when <paramref name="clients"/> updates are aggregated.</summary>
    public int TrimCount(int clients) => AggregationMath.TrimCount(clients, TrimFraction);

    /// <inheritdoc />
    protected override void AggregateFloat32(ReadOnlySpan<float[]> values, ReadOnlySpan<double> examples, Span<float> destination) =>
        AggregationMath.TrimmedMean(values, TrimFraction, destination);
}
