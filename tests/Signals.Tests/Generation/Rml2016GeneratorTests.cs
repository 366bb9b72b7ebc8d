using System.Numerics;
using CloudEdge.Signals.Generation.Dsp;
using CloudEdge.Signals.Generation.Rml2016;

namespace CloudEdge.Signals.Tests.Generation;

public sealed class Rml2016GeneratorTests
{
    private const int Sps = 8;

    /// <summary>No channel, no nuisance: sample n lies at t = n/8 symbols, so symbol k sits at sample 8k.</summary>
    private static readonly Rml2016Settings Ideal = new()
    {
        Fading = false,
        MaxCarrierOffset = 0,
        MaxSampleRateOffset = 0,
        RandomPhase = false,
        RandomTiming = false,
        RollOffMin = 0.35,
        RollOffMax = 0.35,
    };

    [Theory]
    [InlineData("BPSK", -2.0)]
    [InlineData("QPSK", -1.0)]
    [InlineData("8PSK", -1.0)]
    [InlineData("16QAM", -0.68)]
    [InlineData("64QAM", -0.619)]
    public void Synthesize_LinearModulation_MatchedFilterRecoversConstellation(string modulation, double theoreticalC42)
    {
        var generator = new Rml2016Generator(Ideal);
        var classIndex = generator.Info.Classes.ToList().IndexOf(modulation);
        var alphabet = Constellations.For(Enum.GetValues<Rml2016Modulation>()[classIndex]);
        var matched = Enumerable.Range(-6 * Sps, (12 * Sps) + 1).Select(k => PulseShapes.Rrc(k / (double)Sps, 0.35)).ToArray();
        var symbols = new List<Complex>();
        for (var v = 0; v < 8; v++)
        {
            var clean = Clean(generator, classIndex, 1024, v);
            for (var k = 14; k < (1024 / Sps) - 14; k++)
            {
                var acc = Complex.Zero;
                for (var j = 0; j < matched.Length; j++)
                {
                    acc += clean[(k * Sps) + j - (6 * Sps)] * matched[j];
                }

                symbols.Add(acc);
            }
        }

        // Remove the unknown scale (the L1 normalisation), then compare with the unit-power alphabet.
        var rms = Math.Sqrt(SignalMath.MeanPower(symbols));
        var points = symbols.Select(s => s / rms).ToArray();
        var hits = new int[alphabet.Length];
        var error = 0.0;
        foreach (var p in points)
        {
            var nearest = Enumerable.Range(0, alphabet.Length).MinBy(i => (p - alphabet[i]).Magnitude);
            hits[nearest]++;
            error += Math.Pow((p - alphabet[nearest]).Magnitude, 2);
        }

        var evmDb = 10 * Math.Log10(error / points.Length);
        Assert.True(evmDb < -25, $"{modulation}: EVM {evmDb:F1} dB");
        Assert.All(hits, h => Assert.True(h > 0, $"{modulation}: a constellation point was never sent"));

        var m20 = points.Aggregate(Complex.Zero, (a, p) => a + (p * p)) / points.Length;
        var m42 = points.Average(p => Math.Pow(p.Magnitude, 4));
        var c42 = m42 - (m20.Magnitude * m20.Magnitude) - 2;
        Assert.InRange(c42, theoreticalC42 - 0.12, theoreticalC42 + 0.12);
        Assert.InRange(m20.Magnitude, modulation == "BPSK" ? 0.98 : 0, modulation == "BPSK" ? 1.02 : 0.12);
    }

    [Fact]
    public void Synthesize_Gmsk_HasConstantEnvelopeAndQuarterTurnSteps()
    {
        var generator = new Rml2016Generator(Ideal);
        var clean = Clean(generator, generator.Info.Classes.ToList().IndexOf("GMSK"), 1024, 3);
        var magnitudes = clean.Select(c => c.Magnitude).ToArray();
        var mean = magnitudes.Average();
        Assert.True(magnitudes.All(m => Math.Abs(m - mean) < 1e-4 * mean), "GMSK envelope is not constant");

        // Phase change across one symbol (its frequency pulse is centred on mid-symbol, sample 8k + 4), in units of
        // π/2: Σ_m b_{k+m}·p_m with p_m the share of the Gaussian frequency pulse (BT 0.3) that falls into the m-th
        // neighbouring symbol. A run of equal bits gives 1; the alternating pattern gives the minimum.
        var p = Enumerable.Range(0, 3).Select(m => FrequencyPulseShare(m, 0.3)).ToArray();
        var least = p[0] - (2 * p[1]) - (2 * p[2]);
        var steps = Enumerable.Range(1, (1024 / Sps) - 2)
            .Select(k => Math.Abs(SignalMath.Wrap(clean[(k * Sps) + (Sps / 2)].Phase - clean[((k - 1) * Sps) + (Sps / 2)].Phase)) / (Math.PI / 2))
            .ToArray();
        Assert.All(steps, s => Assert.InRange(s, least - 0.005, 1.0 + 1e-6));
        Assert.InRange(steps.Max(), 0.995, 1.0 + 1e-6);
        Assert.InRange(steps.Min(), least - 0.005, least + 0.005);
    }

    /// <summary>∫ over [m − ½, m + ½] of the unit-area GMSK frequency pulse (a one-symbol rectangle through a Gaussian of 3-dB bandwidth BT).</summary>
    private static double FrequencyPulseShare(int m, double bt)
    {
        var sigma = Math.Sqrt(Math.Log(2)) / (2 * Math.PI * bt);
        const int Steps = 4000;
        var sum = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            // Midpoint rule over t ∈ [m − ½, m + ½] of g(t) = ∫_{t−½}^{t+½} N(u; 0, σ²) du, itself by the midpoint rule.
            var t = m - 0.5 + ((i + 0.5) / Steps);
            var g = 0.0;
            for (var j = 0; j < 200; j++)
            {
                var u = t - 0.5 + ((j + 0.5) / 200);
                g += Math.Exp(-u * u / (2 * sigma * sigma)) / (sigma * Math.Sqrt(2 * Math.PI)) / 200;
            }

            sum += g / Steps;
        }

        return sum;
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Synthesize_RollOff_SetsOccupiedBandwidth(double rollOff)
    {
        var generator = new Rml2016Generator(Ideal with { RollOffMin = rollOff, RollOffMax = rollOff });
        const int N = 1024;
        var psd = new double[N];
        for (var v = 0; v < 16; v++)
        {
            var p = SignalMath.Psd(Clean(generator, generator.Info.Classes.ToList().IndexOf("QPSK"), N, v));
            for (var k = 0; k < N; k++)
            {
                psd[k] += p[k];
            }
        }

        // An RRC pulse of roll-off α at 8 samples/symbol is flat up to (1 − α)/16 cycles/sample, holding a fraction
        // 1 − α of the power, and zero beyond (1 + α)/16.
        var total = psd.Sum();
        var flat = Enumerable.Range(0, N).Where(k => Math.Abs(SignalMath.BinFrequency(k, N)) <= (1 - rollOff) / 16).Sum(k => psd[k]) / total;
        var outside = Enumerable.Range(0, N).Where(k => Math.Abs(SignalMath.BinFrequency(k, N)) > ((1 + rollOff) / 16) + (3.0 / N)).Sum(k => psd[k]) / total;
        Assert.InRange(flat, 1 - rollOff - 0.04, 1 - rollOff + 0.04);
        Assert.True(outside < 0.005, $"{outside:P2} of the power lies outside the RRC band");
    }

    [Fact]
    public void Generate_DefaultSettings_EveryVectorHasUnitL1Norm()
    {
        var data = new Rml2016Generator().Generate(new() { SamplesPerClass = 4, Seed = 3 }, null, TestContext.Current.CancellationToken);
        for (var i = 0; i < data.Count; i++)
        {
            var l1 = SignalMath.ToComplex(data.Sample(i)).Sum(c => c.Magnitude);
            Assert.InRange(l1, 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Generate_DefaultSettings_MatchesFixtureStatistics()
    {
        // Higher-order statistics at high SNR, as a modulation classifier sees them: |C20| separates BPSK,
        // C42 separates PSK from QAM, the peak-to-average ratio separates GMSK; values measured on the
        // independent generator's fixture (../shared/fixtures, SNR ≥ 10 dB) are the reference.
        (string Name, double C20, double C42, double PaprDb)[] fixture =
        [
            ("8PSK", 0.198, -0.771, 3.79), ("BPSK", 0.778, -1.230, 4.36), ("GMSK", 0.184, -0.911, 3.04),
            ("16QAM", 0.270, -0.553, 5.05), ("64QAM", 0.258, -0.493, 5.29), ("QPSK", 0.205, -0.777, 3.76),
        ];
        var generator = new Rml2016Generator();
        var data = generator.Generate(new() { SamplesPerClass = 150, Snrs = [10, 12, 14, 16, 18], Seed = 11 }, null, TestContext.Current.CancellationToken);
        foreach (var (name, c20, c42, papr) in fixture)
        {
            var label = data.Classes.ToList().IndexOf(name);
            var stats = Enumerable.Range(0, data.Count).Where(i => data.Y[i] == label).Select(i => Statistics(SignalMath.ToComplex(data.Sample(i)))).ToList();
            Assert.InRange(stats.Average(s => s.C20), c20 - 0.08, c20 + 0.08);
            Assert.InRange(stats.Average(s => s.C42), c42 - 0.1, c42 + 0.1);
            Assert.InRange(stats.Average(s => s.PaprDb), papr - 0.4, papr + 0.4);
        }
    }

    private static (double C20, double C42, double PaprDb) Statistics(Complex[] x)
    {
        var p = SignalMath.MeanPower(x);
        var y = x.Select(v => v / Math.Sqrt(p)).ToArray();
        var m20 = y.Aggregate(Complex.Zero, (a, v) => a + (v * v)) / y.Length;
        var m42 = y.Average(v => Math.Pow(v.Magnitude, 4));
        var peak = y.Max(v => v.Magnitude * v.Magnitude);
        return (m20.Magnitude, m42 - (m20.Magnitude * m20.Magnitude) - 2, 10 * Math.Log10(peak));
    }

    private static Complex[] Clean(Rml2016Generator generator, int classIndex, int length, int index)
    {
        var iq = new float[2 * length];
        var clean = new float[2 * length];
        generator.Synthesize(classIndex, 30, seed: 5, index, iq, clean);
        return SignalMath.ToComplex(clean);
    }
}
