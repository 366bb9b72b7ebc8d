using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;

namespace CloudEdge.Learning.Tests.Evaluation;

public sealed class PairedComparisonTests
{
    // 8 samples: model right on 0,1,2,3,4,5; versus right on 0,1,2,6; both wrong on 7.
    private static readonly long[] Labels = [0, 1, 2, 0, 1, 2, 0, 1];
    private static readonly long[] Model = [0, 1, 2, 0, 1, 2, 1, 2];
    private static readonly long[] Versus = [0, 1, 2, 1, 2, 0, 0, 0];

    [Fact]
    public void Compute_HandMadeExample_CountsConcordantAndDiscordantSamples()
    {
        var c = PairedComparison.Compute(Labels, Model, Versus);

        Assert.Equal(8, c.N);
        Assert.Equal(3, c.BothCorrect);
        Assert.Equal(3, c.OnlyModelCorrect);
        Assert.Equal(1, c.OnlyVersusCorrect);
        Assert.Equal(1, c.BothWrong);
        Assert.Equal(6.0 / 8, c.Accuracy, 12);
        Assert.Equal(4.0 / 8, c.VersusAccuracy, 12);
        Assert.Equal(2.0 / 8, c.Difference, 12);
    }

    [Fact]
    public void Compute_DifferenceInterval_IsPairedWaldIntervalAroundTheDifference()
    {
        var c = PairedComparison.Compute(Labels, Model, Versus);

        // var = (b + c − (b − c)² / n) / n² = (4 − 4/8) / 64
        var half = 1.959963984540054 * Math.Sqrt((4 - (4.0 / 8)) / 64);
        Assert.Equal(0.25 - half, c.DifferenceCi95[0], 12);
        Assert.Equal(0.25 + half, c.DifferenceCi95[1], 12);
    }

    [Theory]
    [InlineData(10, 2, 0.03857421875)]        // 2 · (1 + 12 + 66) / 4096
    [InlineData(2, 10, 0.03857421875)]        // symmetric
    [InlineData(0, 5, 0.0625)]                // 2 / 32
    [InlineData(3, 4, 1.0)]                   // capped at 1
    [InlineData(7, 7, 1.0)]
    [InlineData(0, 0, 1.0)]                   // no disagreement
    [InlineData(1000, 1100, 0.030720707864242296)] // exact binomial sum, computed with big integers
    [InlineData(450, 411, 0.19527839184695206)]
    public void McNemarExactP_KnownCounts_MatchesExactBinomialTest(int onlyModel, int onlyVersus, double expected)
    {
        Assert.Equal(expected, PairedComparison.McNemarExactP(onlyModel, onlyVersus), 9);
    }

    [Fact]
    public void McNemarExactP_MillionsOfDiscordantSamples_AgreesWithNormalApproximation()
    {
        // 2,004,000 discordant samples, 2,000 from the midpoint: z = 2000 / (√2,004,000 / 2) = 2.826, p ≈ 0.0047.
        var p = PairedComparison.McNemarExactP(1_000_000, 1_004_000);

        Assert.InRange(p, 0.0044, 0.0051);
    }

    [Fact]
    public void Compute_MismatchedLengths_ThrowsNamingTheCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => PairedComparison.Compute(Labels, Model, Versus.AsSpan(0, 7)));

        Assert.Contains("8 labels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UsesSnakeCaseKeysScriptsReadBack()
    {
        var json = JsonSerializer.Serialize(PairedComparison.Compute(Labels, Model, Versus), LearningJson.Options);
        var node = JsonNode.Parse(json)!;

        Assert.Equal(3, node["only_model_correct"]!.GetValue<int>());
        Assert.Equal(1, node["only_versus_correct"]!.GetValue<int>());
        Assert.Equal(2, node["difference_ci95"]!.AsArray().Count);
        Assert.NotNull(node["mcnemar_p"]);
        Assert.NotNull(node["versus_accuracy"]);
    }
}
