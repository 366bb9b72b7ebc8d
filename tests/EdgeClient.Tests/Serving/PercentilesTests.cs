using CloudEdge.EdgeClient.Serving;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 2.5)]
    [InlineData(95, 3.85)]
    [InlineData(99, 3.97)]
    [InlineData(100, 4)]
    public void OfSorted_FourValues_MatchesNumpyLinear(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.OfSorted([1, 2, 3, 4], percent), 9);

    [Fact]
    public void Of_UnsortedValues_SortsWithoutChangingInput()
    {
        double[] values = [9, 1, 5];

        Assert.Equal(5, Percentiles.Of(values, 50));
        Assert.Equal([9, 1, 5], values);
    }

    [Fact]
    public void OfSorted_OneValue_IsThatValue() => Assert.Equal(7, Percentiles.OfSorted([7], 99));

    [Fact]
    public void OfSorted_Empty_Throws() => Assert.Throws<ArgumentException>(() => Percentiles.OfSorted([], 50));

    [Fact]
    public void OfSorted_PercentOutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.OfSorted([1], 101));

    [Fact]
    public void LatencySummary_Values_ReportsPercentilesMeanMaxCount()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)i))!;

        Assert.Equal(50.5, summary.P50, 9);
        Assert.Equal(95.05, summary.P95, 9);
        Assert.Equal(99.01, summary.P99, 9);
        Assert.Equal(50.5, summary.Mean, 9);
        Assert.Equal((100.0, 100), (summary.Max, summary.Count));
    }

    [Fact]
    public void LatencySummary_NoValues_IsNull() => Assert.Null(LatencySummary.Of([]));
}
