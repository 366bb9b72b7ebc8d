using CloudEdge.EdgeClient.Serving;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class ConfidenceScoresTests
{
    [Fact]
    public void Score_Max_IsLargestProbability() => Assert.Equal(0.7f, ConfidenceScores.Score(ConfidenceKind.Max, [0.1f, 0.7f, 0.2f]));

    [Fact]
    public void Score_Margin_IsGapBetweenTopTwo() => Assert.Equal(0.5f, ConfidenceScores.Score(ConfidenceKind.Margin, [0.2f, 0.7f, 0.1f]), 6);

    [Fact]
    public void Score_EntropyOfOneHot_IsOne() => Assert.Equal(1f, ConfidenceScores.Score(ConfidenceKind.Entropy, [0f, 1f, 0f, 0f]), 6);

    [Fact]
    public void Score_EntropyOfUniform_IsZero() => Assert.Equal(0f, ConfidenceScores.Score(ConfidenceKind.Entropy, [0.25f, 0.25f, 0.25f, 0.25f]), 6);

    [Fact]
    public void Score_MorePeakedRow_ScoresHigherOnEveryKind()
    {
        float[] flat = [0.4f, 0.35f, 0.25f];
        float[] peaked = [0.8f, 0.15f, 0.05f];
        foreach (var kind in Enum.GetValues<ConfidenceKind>())
        {
            Assert.True(ConfidenceScores.Score(kind, peaked) > ConfidenceScores.Score(kind, flat), kind.ToString());
        }
    }

    [Fact]
    public void Parse_UnknownName_ThrowsNamingTheOption() =>
        Assert.Contains("--confidence", Assert.Throws<ArgumentException>(() => ConfidenceScores.Parse("median")).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_AnyCase_Accepted() => Assert.Equal(ConfidenceKind.Margin, ConfidenceScores.Parse("MARGIN"));
}
