using CloudEdge.Signals.Data;
using CloudEdge.Signals.Splits;

namespace CloudEdge.Signals.Tests.Splits;

public sealed class DatasetSplitterTests
{
    /// <summary>A labels-only dataset (L = 1) with the given samples per class.</summary>
    internal static SignalDataset Labels(params int[] perClass)
    {
        var y = perClass.SelectMany((n, c) => Enumerable.Repeat((long)c, n)).ToArray();
        var classes = perClass.Select((_, c) => "c" + c).ToArray();
        return new SignalDataset(new float[y.Length * 2], y, null, classes, 1);
    }

    [Fact]
    public void Split_Parts_AreDisjointAndCoverEverySample()
    {
        var dataset = Labels(300, 250, 200, 150, 100, 50);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { NumEdges = 4 });

        var all = split.Test.Concat(split.Cloud).Concat(split.Edges.SelectMany(e => e)).ToList();
        Assert.Equal(dataset.Count, all.Count);
        Assert.Equal(Enumerable.Range(0, dataset.Count), all.Order());
        Assert.Equal(4, split.Edges.Count);
    }

    [Theory]
    [InlineData(0.2, 0.3)]
    [InlineData(0.1, 0.5)]
    [InlineData(0.35, 0.15)]
    public void Split_TestAndCloud_AreStratified(double testRatio, double cloudRatio)
    {
        var perClass = new[] { 311, 240, 97, 180, 55, 403 };
        var dataset = Labels(perClass);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { TestRatio = testRatio, CloudRatio = cloudRatio, Seed = 7 });

        var test = SplitStatistics.ClassCounts(dataset, split.Test);
        var cloud = SplitStatistics.ClassCounts(dataset, split.Cloud);
        for (var c = 0; c < perClass.Length; c++)
        {
            Assert.InRange(test[c], (perClass[c] * testRatio) - 0.5, (perClass[c] * testRatio) + 0.5);
            var rest = perClass[c] - test[c];
            Assert.InRange(cloud[c], (rest * cloudRatio) - 0.5, (rest * cloudRatio) + 0.5);
        }
    }

    [Fact]
    public void Split_SameSeed_GivesTheSameSplit_OtherSeed_ADifferentOne()
    {
        var dataset = Labels(120, 80, 60, 200);
        var options = new SplitOptions { Seed = 123, NumEdges = 5 };

        var a = DatasetSplitter.Split(dataset, options);
        var b = DatasetSplitter.Split(dataset, options);
        var c = DatasetSplitter.Split(dataset, options with { Seed = 124 });

        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Cloud, b.Cloud);
        Assert.Equal(a.Edges, b.Edges);
        Assert.NotEqual(a.Test, c.Test);
        Assert.NotEqual(a.Edges, c.Edges);
    }

    [Fact]
    public void Split_SmallerAlpha_GivesMoreLabelSkew()
    {
        var dataset = Labels(Enumerable.Repeat(400, 6).ToArray());

        double Entropy(double alpha) => Enumerable.Range(1, 5)
            .Average(seed => SplitStatistics.MeanEdgeLabelEntropy(dataset, DatasetSplitter.Split(dataset, new SplitOptions { DirichletAlpha = alpha, Seed = seed, NumEdges = 5 })));

        var iid = Entropy(1000);
        var mild = Entropy(1);
        var skewed = Entropy(0.1);

        Assert.InRange(iid, Math.Log2(6) - 0.01, Math.Log2(6));
        Assert.True(mild < iid - 0.2, $"alpha 1: {mild} vs alpha 1000: {iid}");
        Assert.True(skewed < mild - 0.3, $"alpha 0.1: {skewed} vs alpha 1: {mild}");
    }

    [Fact]
    public void Split_TinyAlphaManyEdges_StillGivesEveryEdgeTheMinimum()
    {
        var dataset = Labels(100, 100, 100);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { DirichletAlpha = 0.01, NumEdges = 8, MinEdgeSamples = 10, MaxDraws = 5 });

        Assert.All(split.Edges, e => Assert.True(e.Count >= 10, $"edge with {e.Count} samples"));
        Assert.True(split.Rebalanced);
        Assert.Equal(5, split.Draws);
    }

    [Fact]
    public void Split_MinimumAboveAnEqualShare_IsCappedAtTheShare()
    {
        var dataset = Labels(20, 20);

        var split = DatasetSplitter.Split(dataset, new SplitOptions { NumEdges = 3, MinEdgeSamples = 100 });

        var pool = split.Edges.Sum(e => e.Count);
        Assert.Equal(pool / 3, split.MinEdgeSamples);
        Assert.All(split.Edges, e => Assert.True(e.Count >= pool / 3));
    }

    public static TheoryData<SplitOptions, string> BadOptions() => new()
    {
        { new SplitOptions { DirichletAlpha = 0 }, "--dirichlet-alpha must be a positive finite number (got 0)" },
        { new SplitOptions { DirichletAlpha = -0.5 }, "--dirichlet-alpha must be a positive finite number (got -0.5)" },
        { new SplitOptions { DirichletAlpha = double.NaN }, "--dirichlet-alpha must be a positive finite number (got NaN)" },
        { new SplitOptions { CloudRatio = 0 }, "--cloud-ratio must be in (0, 1) (got 0)" },
        { new SplitOptions { CloudRatio = 1 }, "--cloud-ratio must be in (0, 1) (got 1)" },
        { new SplitOptions { TestRatio = 1.5 }, "--test-ratio must be in (0, 1) (got 1.5)" },
        { new SplitOptions { TestRatio = -0.1 }, "--test-ratio must be in (0, 1) (got -0.1)" },
        { new SplitOptions { NumEdges = 0 }, "--num-edges must be at least 1 (got 0)" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Split_BadOptions_ThrowNamingTheOption(SplitOptions options, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Labels(10, 10), options));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Split_MoreEdgesThanSamples_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Labels(5, 5), new SplitOptions { NumEdges = 20 }));

        Assert.StartsWith("--num-edges 20 is more than the 6 samples left for the edges", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(9.0)]
    public void NextGamma_MeanAndVariance_MatchTheShape(double shape)
    {
        var random = new SplitRandom(99);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextGamma(shape)).ToArray();

        var mean = draws.Average();
        var variance = draws.Average(d => (d - mean) * (d - mean));

        // Gamma(k, 1): mean k, variance k; 200 000 draws leave a standard error well under 1 % of k for the mean.
        Assert.InRange(mean, shape * 0.98, shape * 1.02);
        Assert.InRange(variance, shape * 0.94, shape * 1.06);
        Assert.All(draws, d => Assert.True(d >= 0));
    }

    [Fact]
    public void NextDirichlet_TinyAlpha_SumsToOneWithoutUnderflow()
    {
        var random = new SplitRandom(5);

        for (var i = 0; i < 1000; i++)
        {
            var p = random.NextDirichlet(0.001, 4);
            Assert.Equal(1.0, p.Sum(), 9);
            Assert.All(p, v => Assert.True(v >= 0 && double.IsFinite(v)));
        }
    }

    [Fact]
    public void NextDirichlet_Components_HaveMeanOneOverK()
    {
        var random = new SplitRandom(11);

        var sums = new double[5];
        for (var i = 0; i < 20_000; i++)
        {
            var p = random.NextDirichlet(0.3, 5);
            for (var k = 0; k < 5; k++)
            {
                sums[k] += p[k];
            }
        }

        Assert.All(sums, s => Assert.InRange(s / 20_000, 0.19, 0.21));
    }
}
