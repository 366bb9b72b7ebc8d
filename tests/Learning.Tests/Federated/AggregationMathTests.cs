using CloudEdge.Learning.Federated;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class AggregationMathTests
{
    [Fact]
    public void WeightedMean_HandExample_MatchesHandComputation()
    {
        float[] a = [1, 2, -4];
        float[] b = [3, 0, 4];
        float[] c = [-1, 8, 0.5f];
        var result = new float[3];

        // Weights 1, 2, 5 (total 8): (1 + 6 − 5)/8, (2 + 0 + 40)/8, (−4 + 8 + 2.5)/8.
        AggregationMath.WeightedMean([a, b, c], [1, 2, 5], result);

        Assert.Equal([0.25f, 5.25f, 0.8125f], result);
    }

    [Fact]
    public void WeightedMean_RandomCases_EqualsDoubleReference()
    {
        var rng = new Random(11);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = rng.Next(1, 9);
            var length = rng.Next(0, 2600);
            var inputs = Enumerable.Range(0, n).Select(_ => FederatedData.Values(rng, length, 5)).ToArray();
            var weights = Enumerable.Range(0, n).Select(_ => (double)rng.Next(0, 500)).ToArray();
            weights[0] += 1;
            var result = new float[length];

            AggregationMath.WeightedMean(inputs, weights, result);

            var total = weights.Sum();
            for (var j = 0; j < length; j++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += weights[i] * inputs[i][j];
                }

                Assert.Equal((float)(sum / total), result[j]);
            }
        }
    }

    [Fact]
    public void WeightedMean_IdenticalInputsSeededCases_ReturnsThemUnchanged()
    {
        var rng = new Random(5);
        for (var trial = 0; trial < 60; trial++)
        {
            var n = rng.Next(1, 13);
            var length = rng.Next(0, 3000);
            var scale = (float)Math.Pow(10, rng.Next(-30, 30));
            var values = FederatedData.Values(rng, length, scale);
            var inputs = Enumerable.Repeat(values, n).ToArray();
            var weights = Enumerable.Range(0, n).Select(_ => (double)rng.Next(1, 100_000)).ToArray();
            var mean = new float[length];
            var median = new float[length];
            var trimmed = new float[length];

            AggregationMath.WeightedMean(inputs, weights, mean);
            AggregationMath.Median(inputs, median);
            AggregationMath.TrimmedMean(inputs, 0.2, trimmed);

            Assert.Equal(values, mean);
            Assert.Equal(values, median);
            Assert.Equal(values, trimmed);
        }
    }

    [Fact]
    public void Median_OddAndEvenCounts_TakesMiddleOrMeanOfMiddlePair()
    {
        float[] a = [5, -1, 0];
        float[] b = [1, -3, 0];
        float[] c = [3, 7, 2];
        float[] d = [100, -2, -9];
        var odd = new float[3];
        var even = new float[3];

        AggregationMath.Median([a, b, c], odd);
        AggregationMath.Median([a, b, c, d], even);

        Assert.Equal([3f, -1, 0], odd);
        Assert.Equal([4f, -1.5f, 0], even);
    }

    [Fact]
    public void TrimmedMean_HandExample_DropsKFromEachEnd()
    {
        // Five clients, β = 0.2: k = 1, so the lowest and highest value of each coordinate go.
        float[][] inputs = [[1, 10], [2, -50], [3, 20], [4, 30], [1000, 40]];
        var result = new float[2];

        AggregationMath.TrimmedMean(inputs, 0.2, result);

        Assert.Equal([3f, 20], result);
    }

    [Fact]
    public void TrimmedMean_ZeroFraction_IsThePlainMean()
    {
        float[][] inputs = [[1, 10], [2, -50], [6, 20]];
        var result = new float[2];

        AggregationMath.TrimmedMean(inputs, 0, result);

        Assert.Equal([3f, (float)(-20.0 / 3)], result);
    }

    [Fact]
    public void MedianAndTrimmedMean_RandomCases_EqualSortingReference()
    {
        // Up to 40 clients: both the SIMD sorting network (≤ 32) and the per-coordinate sort are exercised.
        var rng = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = rng.Next(1, 41);
            var length = rng.Next(0, 300);
            var beta = rng.NextDouble() * 0.49;
            var inputs = Enumerable.Range(0, n).Select(_ => FederatedData.Values(rng, length, 100)).ToArray();
            var median = new float[length];
            var trimmed = new float[length];

            AggregationMath.Median(inputs, median);
            AggregationMath.TrimmedMean(inputs, beta, trimmed);

            var k = (int)Math.Floor((beta * n) + 1e-9);
            for (var j = 0; j < length; j++)
            {
                var column = inputs.Select(x => x[j]).Order().ToArray();
                Assert.Equal(ReferenceMean(column, (n - 1) / 2, (n / 2) + 1), median[j]);
                Assert.Equal(ReferenceMean(column, k, n - k), trimmed[j]);
            }
        }
    }

    [Theory]
    [InlineData(10, 0.2, 2)]
    [InlineData(100, 0.29, 29)]
    [InlineData(4, 0.49, 1)]
    [InlineData(3, 0.2, 0)]
    [InlineData(1, 0, 0)]
    public void TrimCount_Fractions_FloorOfBetaTimesN(int count, double beta, int expected) =>
        Assert.Equal(expected, AggregationMath.TrimCount(count, beta));

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void TrimmedMean_FractionOutsideRange_Throws(double beta)
    {
        var error = Assert.Throws<ArgumentException>(() => AggregationMath.TrimmedMean([[1f]], beta, new float[1]));
        Assert.Contains("[0, 0.5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregations_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => AggregationMath.WeightedMean([], [], new float[1]));
        Assert.Throws<ArgumentException>(() => AggregationMath.WeightedMean([[1f], [2f]], [1], new float[1]));
        Assert.Throws<ArgumentException>(() => AggregationMath.WeightedMean([[1f], [2f]], [0, 0], new float[1]));
        Assert.Throws<ArgumentException>(() => AggregationMath.WeightedMean([[1f], [2f]], [1, -1], new float[1]));
        Assert.Throws<ArgumentException>(() => AggregationMath.Median([[1f], [2f, 3f]], new float[1]));
        Assert.Throws<ArgumentException>(() => AggregationMath.Max([], new long[1]));
    }

    [Fact]
    public void Max_IntegerInputs_TakesCoordinateWiseMaximum()
    {
        long[][] inputs = [[3, 0, 9, 1, 1, 1, 1, 1, 1, 1], [7, -2, 2, 1, 1, 1, 1, 1, 1, 8], [5, 4, 2, 6, 1, 1, 1, 1, 1, 1]];
        var result = new long[10];

        AggregationMath.Max(inputs, result);

        Assert.Equal([7L, 4, 9, 6, 1, 1, 1, 1, 1, 8], result);
    }

    [Fact]
    public void AllFinite_NaNOrInfinityAnywhere_IsFalse()
    {
        float[] clean = [.. Enumerable.Range(0, 40).Select(i => i == 0 ? float.MaxValue : i == 1 ? -0f : i == 2 ? float.Epsilon : i * 0.5f)];
        Assert.True(AggregationMath.AllFinite(clean));
        foreach (var bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
        {
            for (var position = 0; position < clean.Length; position++)
            {
                var values = (float[])clean.Clone();
                values[position] = bad;
                Assert.False(AggregationMath.AllFinite(values), $"{bad} at {position}");
            }
        }
    }

    private static float ReferenceMean(float[] sorted, int from, int to)
    {
        double sum = 0;
        for (var r = from; r < to; r++)
        {
            sum += sorted[r];
        }

        return (float)(sum / (to - from));
    }
}
