using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;
using static CloudEdge.Learning.Tests.Federated.FederatedData;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class StrategyTests
{
    public static TheoryData<string> AllStrategies => [.. StrategyRegistry.Names];

    [Fact]
    public void Aggregate_FedAvg_EqualsHandComputedWeightedMean()
    {
        var rng = new Random(1);
        var global = Random(rng);
        var a = State([1, 2, 3, 4, 5, 6], Values(rng, BiasLength), 4);
        var b = State([-3, 0, 3, 8, 5, 2], Values(rng, BiasLength), 9);
        var c = State([2, 2, 2, 2, 2, -6], Values(rng, BiasLength), 7);

        var result = new FedAvgStrategy().Aggregate(global, [Update("a", a, 1), Update("b", b, 3), Update("c", c, 4)]);

        // (1·a + 3·b + 4·c) / 8 by hand: (1 − 9 + 8)/8, (2 + 0 + 8)/8, (3 + 9 + 8)/8, (4 + 24 + 8)/8, (5 + 15 + 8)/8, (6 + 6 − 24)/8.
        Assert.Equal([0f, 1.25f, 2.5f, 4.5f, 3.5f, -1.5f], result[Conv].Float32!);
        for (var j = 0; j < BiasLength; j++)
        {
            var expected = (float)(((1.0 * a[Bias].Float32![j]) + (3.0 * b[Bias].Float32![j]) + (4.0 * c[Bias].Float32![j])) / 8);
            Assert.Equal(expected, result[Bias].Float32![j]);
        }

        Assert.Equal([9L], result[Counter].Int64!);
    }

    [Fact]
    public void Aggregate_FedProx_AggregatesLikeFedAvgAndCarriesMu()
    {
        var rng = new Random(2);
        var global = Random(rng);
        ClientUpdate[] updates = [Update("a", Random(rng), 5), Update("b", Random(rng), 50), Update("c", Random(rng), 1)];
        var fedProx = new FedProxStrategy(0.1);

        var prox = fedProx.Aggregate(global, updates);
        var avg = new FedAvgStrategy().Aggregate(global, updates);

        Assert.Equal(avg.ToBytes(), prox.ToBytes());
        Assert.Equal(0.1, fedProx.ProximalMu);
        Assert.Equal(0, new FedAvgStrategy().ProximalMu);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void Aggregate_AnyStrategy_KeepsGlobalNamesOrderShapesAndTypes(string name)
    {
        var rng = new Random(3);
        var global = Random(rng);
        var strategy = StrategyRegistry.Create(name);

        var result = strategy.Aggregate(global, [Update("a", Random(rng)), Update("b", Random(rng)), Update("c", Random(rng))]);

        Assert.Equal(global.Select(t => (t.Name, t.ShapeText, t.DType)), result.Select(t => (t.Name, t.ShapeText, t.DType)));
        Assert.NotSame(global[Conv].Shape, result[Conv].Shape);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void Aggregate_IdenticalUpdatesSeededCases_ReturnsThemUnchanged(string name)
    {
        var rng = new Random(4);
        var strategy = StrategyRegistry.Create(name);
        for (var trial = 0; trial < 20; trial++)
        {
            var weights = Random(rng, (float)Math.Pow(10, rng.Next(-8, 8)), counter: rng.Next(0, 1000));
            var updates = Enumerable.Range(0, rng.Next(1, 12)).Select(i => Update($"edge{i}", weights, rng.Next(1, 5000))).ToList();

            var result = strategy.Aggregate(Random(rng), updates);

            Assert.Equal(weights.ToBytes(), result.ToBytes());
        }
    }

    [Theory]
    [InlineData(MedianStrategy.StrategyName)]
    [InlineData(TrimmedMeanStrategy.StrategyName)]
    public void Aggregate_RobustRuleWithOneUpdateScaledByMillion_StaysWithinHonestRange(string name)
    {
        var (global, honest, updates) = ByzantineRound(attackerExamples: 1_000_000);
        var strategy = StrategyRegistry.Create(name, new StrategySettings { TrimFraction = 0.2 });

        var result = strategy.Aggregate(global, updates);

        foreach (var tensor in result.Where(t => t.DType == WeightDType.Float32))
        {
            for (var j = 0; j < tensor.ElementCount; j++)
            {
                var column = honest.Select(h => h[tensor.Name].Float32![j]).ToArray();
                Assert.InRange(tensor.Float32![j], column.Min(), column.Max());
            }
        }
    }

    [Fact]
    public void Aggregate_FedAvgWithOneUpdateScaledByMillion_IsDraggedFarOutsideHonestRange()
    {
        var (global, honest, updates) = ByzantineRound(attackerExamples: 10);

        var result = new FedAvgStrategy().Aggregate(global, updates);

        var worst = result[Bias].Float32!.Select((v, j) => Math.Abs(v) - honest.Max(h => Math.Abs(h[Bias].Float32![j]))).Max();
        Assert.True(worst > 1e4, $"FedAvg should follow the scaled update; largest excess over the honest range is {worst}");
    }

    [Fact]
    public void Aggregate_TrimmedMeanWithTooFewClientsToTrim_IsThePlainMean()
    {
        var rng = new Random(6);
        var global = Random(rng);
        ClientUpdate[] updates = [Update("a", Random(rng), 1), Update("b", Random(rng), 7), Update("c", Random(rng), 100)];
        var strategy = new TrimmedMeanStrategy(0.2);

        var trimmed = strategy.Aggregate(global, updates);
        var equalWeights = new FedAvgStrategy().Aggregate(global, [.. updates.Select(u => Update(u.EdgeId, u.Weights, 1))]);

        Assert.Equal(0, strategy.TrimCount(3));
        Assert.Equal(equalWeights.ToBytes(), trimmed.ToBytes());
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void Aggregate_IntegerCounters_TakesTheMaximum(string name)
    {
        var rng = new Random(7);
        var strategy = StrategyRegistry.Create(name);

        var result = strategy.Aggregate(Random(rng, counter: 1), [Update("a", Random(rng, counter: 12)), Update("b", Random(rng, counter: 40)), Update("c", Random(rng, counter: 3))]);

        Assert.Equal(WeightDType.Int64, result[Counter].DType);
        Assert.Equal([40L], result[Counter].Int64!);
    }

    /// <summary>Four honest edges near a common model and a fifth that sends the first honest update × 1e6.</summary>
    private static (ModelWeights Global, ModelWeights[] Honest, ClientUpdate[] Updates) ByzantineRound(long attackerExamples)
    {
        var rng = new Random(8);
        var global = Random(rng);
        var honest = Enumerable.Range(0, 4).Select(_ => Random(rng)).ToArray();
        var updates = honest.Select((h, i) => Update($"honest{i}", h, 10))
            .Append(Update("attacker", Scaled(honest[0], 1e6f), attackerExamples))
            .ToArray();
        return (global, honest, updates);
    }
}
