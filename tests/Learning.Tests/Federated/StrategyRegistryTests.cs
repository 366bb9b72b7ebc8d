using CloudEdge.Learning.Federated;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class StrategyRegistryTests
{
    [Fact]
    public void Names_ListsTheFourStrategies()
    {
        Assert.Equal(["fedavg", "fedprox", "median", "trimmed-mean"], StrategyRegistry.Names);
    }

    [Theory]
    [InlineData("fedavg", typeof(FedAvgStrategy))]
    [InlineData("fedprox", typeof(FedProxStrategy))]
    [InlineData("median", typeof(MedianStrategy))]
    [InlineData("trimmed-mean", typeof(TrimmedMeanStrategy))]
    [InlineData(" FedAvg ", typeof(FedAvgStrategy))]
    [InlineData("TRIMMED-MEAN", typeof(TrimmedMeanStrategy))]
    public void Create_KnownName_ReturnsThatStrategy(string name, Type expected)
    {
        var strategy = StrategyRegistry.Create(name);

        Assert.IsType(expected, strategy);
        Assert.Equal(name.Trim().ToUpperInvariant(), strategy.Name.ToUpperInvariant());
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyRegistry.Create("krum"));

        Assert.Equal("unknown aggregation strategy 'krum'; known: fedavg, fedprox, median, trimmed-mean", error.Message);
    }

    [Fact]
    public void Create_Settings_ReachTheStrategies()
    {
        var settings = new StrategySettings { ProximalMu = 0.5, TrimFraction = 0.1 };

        var prox = Assert.IsType<FedProxStrategy>(StrategyRegistry.Create("fedprox", settings));
        var trimmed = Assert.IsType<TrimmedMeanStrategy>(StrategyRegistry.Create("trimmed-mean", settings));

        Assert.Equal(0.5, prox.ProximalMu);
        Assert.Equal(0.1, trimmed.TrimFraction);
        Assert.Equal(0, StrategyRegistry.Create("median", settings).ProximalMu);
        Assert.Equal(StrategySettings.DefaultProximalMu, StrategyRegistry.Create("fedprox").ProximalMu);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.01)]
    public void Create_TrimFractionOutOfRange_Throws(double beta)
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyRegistry.Create("trimmed-mean", new StrategySettings { TrimFraction = beta }));

        Assert.Contains("trim fraction", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_InvalidMu_Throws(double mu)
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyRegistry.Create("fedprox", new StrategySettings { ProximalMu = mu }));

        Assert.Contains("FedProx mu", error.Message, StringComparison.Ordinal);
    }
}
