using System.Numerics;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Tests.Generation;

public sealed class DspTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(5.9)]
    [InlineData(12.5)]
    public void AddDelayed_BandLimitedTone_IsShiftedByTheFractionalDelay(double delay)
    {
        const double F = 0.31; // cycles per sample, within the interpolator's design band
        const int Origin = 24;
        var source = Enumerable.Range(0, 200).Select(m => Complex.FromPolarCoordinates(1, 2 * Math.PI * F * (m - Origin))).ToArray();
        var output = new Complex[150];
        FractionalDelay.AddDelayed(source, Origin, delay, new Complex(0, 2), output);
        for (var n = 0; n < output.Length; n++)
        {
            var expected = new Complex(0, 2) * Complex.FromPolarCoordinates(1, 2 * Math.PI * F * (n - delay));
            Assert.True((output[n] - expected).Magnitude < 2e-3, $"n = {n}: {output[n]} vs {expected}");
        }
    }

    [Fact]
    public void AddDelayed_SourceTooShort_Throws()
    {
        var source = new Complex[40];
        Assert.Throws<ArgumentException>(() => FractionalDelay.AddDelayed(source, 4, 1.5, Complex.One, new Complex[30]));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.35)]
    [InlineData(0.5)]
    public void RootRaisedCosine_Table_HasUnitEnergyAndNyquistSelfConvolution(double rollOff)
    {
        var table = PulseShapes.RootRaisedCosine(rollOff);
        const int Sps = 32;
        var taps = Enumerable.Range(-table.HalfSpan * Sps, (2 * table.HalfSpan * Sps) + 1).Select(k => table[k / (double)Sps]).ToArray();
        Assert.InRange(taps.Sum(t => t * t) / Sps, 0.999, 1.001);

        // RRC ⊛ RRC is a raised cosine: 1 at lag 0, (nearly) 0 at other whole-symbol lags.
        double Lag(int symbols)
        {
            var s = 0.0;
            for (var i = 0; i < taps.Length; i++)
            {
                var j = i + (symbols * Sps);
                if (j >= 0 && j < taps.Length)
                {
                    s += taps[i] * taps[j];
                }
            }

            return s / Sps;
        }

        Assert.InRange(Lag(0), 0.999, 1.001);
        for (var k = 1; k <= 4; k++)
        {
            Assert.InRange(Lag(k), -0.01, 0.01);
        }
    }

    [Fact]
    public void GmskPhase_Table_RisesMonotonicallyFromZeroToOne()
    {
        var q = PulseShapes.GmskPhase(0.3);
        Assert.Equal(0, q[-q.HalfSpan - 1]);
        Assert.Equal(1, q[q.HalfSpan + 1]);
        Assert.InRange(q[0], 0.5 - 1e-9, 0.5 + 1e-9);
        var previous = -1.0;
        for (var t = (double)-q.HalfSpan; t <= q.HalfSpan; t += 0.01)
        {
            Assert.True(q[t] >= previous - 1e-12);
            previous = q[t];
        }
    }

    [Fact]
    public void Xoshiro256_Gaussian_MatchesTheNormalDistributionAndSampleStreamsDiffer()
    {
        var rng = Xoshiro256.ForSample(1, 0);
        var values = Enumerable.Range(0, 200_000).Select(_ => rng.NextGaussian()).ToArray();
        Assert.InRange(values.Average(), -0.01, 0.01);
        Assert.InRange(values.Average(v => v * v), 0.99, 1.01);
        Assert.InRange(values.Average(v => v * v * v * v), 2.9, 3.1); // kurtosis of a normal
        Assert.InRange(values.Count(v => Math.Abs(v) > 3) / 200_000.0, 0.0022, 0.0032); // P(|x| > 3) = 0.0027
        Assert.InRange(values.Count(v => Math.Abs(v) > 3.5) / 200_000.0, 0.0002, 0.0008); // beyond the ziggurat's base: 0.00047
        Assert.InRange(values.Count(v => v is > 0.5 and < 1) / 200_000.0, 0.1450, 0.1550); // Φ(1) − Φ(0.5) = 0.1499

        var a = Xoshiro256.ForSample(1, 0);
        var b = Xoshiro256.ForSample(1, 1);
        var c = Xoshiro256.ForSample(2, 0);
        var first = a.NextUInt64();
        Assert.NotEqual(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
        Assert.Equal(first, Xoshiro256.ForSample(1, 0).NextUInt64());
    }
}
