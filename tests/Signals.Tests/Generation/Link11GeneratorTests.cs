using System.Numerics;
using CloudEdge.Signals.Generation.Link11;

namespace CloudEdge.Signals.Tests.Generation;

public sealed class Link11GeneratorTests
{
    private const double Fs = 8000;

    private static readonly Link11Settings Ideal = new() { Fingerprints = false, Channel = false };

    private static readonly double[] ClewTones =
        [605, .. Enumerable.Range(0, 14).Select(i => 935.0 + (110 * i)), 2915];

    [Fact]
    public void Synthesize_IdealTransmitter_TonesSitAtTheClewFrequencies()
    {
        var generator = new Link11Generator(Ideal with { DataFrames = 200 });
        const int N = 8192;
        var psd = new double[N];
        for (var v = 0; v < 8; v++)
        {
            var p = SignalMath.Psd(Clean(generator, 0, N, v));
            for (var k = 0; k < N; k++)
            {
                psd[k] += p[k];
            }
        }

        double Hz(int k) => SignalMath.BinFrequency(k, N) * Fs;
        int Bin(double f) => (int)Math.Round((f / Fs * N) + (N / 2));

        foreach (var tone in ClewTones)
        {
            // Each tone's lobe (π/4-DQPSK at 75 frames/s widens a data tone to ±75 Hz) is centred on the tone.
            var lobe = Enumerable.Range(Bin(tone - 30), Bin(tone + 30) - Bin(tone - 30) + 1).ToArray();
            var centre = lobe.Sum(k => psd[k] * Hz(k)) / lobe.Sum(k => psd[k]);
            Assert.InRange(centre, tone - 4, tone + 4);
            Assert.True(lobe.Sum(k => psd[k]) > 3 * Enumerable.Range(Bin(tone + 40), Bin(tone + 70) - Bin(tone + 40) + 1).Sum(k => psd[k]), $"no lobe at {tone} Hz");
        }

        // The unmodulated 605 Hz Doppler tone is a line, 6 dB above a data tone in level.
        var doppler = psd[Bin(605)];
        Assert.True(doppler > 30 * psd[Bin(1595)], "the Doppler tone is not a spectral line");

        // An ideal SSB transmitter keeps its power in the CLEW band (only the tails of the frame transitions
        // leave it) and puts practically nothing below the carrier.
        var total = psd.Sum();
        var outside = Enumerable.Range(0, N).Where(k => Hz(k) < 450 || Hz(k) > 3100).Sum(k => psd[k]);
        var image = Enumerable.Range(0, N).Where(k => Hz(k) < -100).Sum(k => psd[k]);
        Assert.True(outside / total < 0.01, $"{outside / total:E1} of the power lies outside the CLEW band");
        Assert.True(image / total < 1e-3, $"{image / total:E1} of the power lies below the carrier");
    }

    [Fact]
    public void Synthesize_IdealTransmitter_DataTonesStepByOddMultiplesOfQuarterPi()
    {
        var generator = new Link11Generator(Ideal with { FastRateProbability = 1, DataFrames = 200 });
        const int N = 4096;
        const double Frame = Fs / 75;
        const int Window = 73; // ≈ Fs / 110 Hz: nulls every other tone
        var observed = new List<double>();
        for (var v = 0; v < 3; v++)
        {
            var clean = Clean(generator, 3, N, v);
            foreach (var tone in new[] { 3, 9, 15 })
            {
                var f = ClewTones[tone];
                var mixed = clean.Select((c, n) => c * Complex.FromPolarCoordinates(1, -2 * Math.PI * f * n / Fs)).ToArray();
                var averaged = new Complex[N - Window];
                for (var n = 0; n < averaged.Length; n++)
                {
                    var s = Complex.Zero;
                    for (var k = 0; k < Window; k++)
                    {
                        s += mixed[n + k];
                    }

                    averaged[n] = s / Window;
                }

                // Frame alignment: while the averaging window lies inside one frame its output stands still.
                var offset = Enumerable.Range(0, (int)Frame).MinBy(o => Centres(o, Frame, averaged.Length)
                    .Where(c => c >= 10 && c + 10 < averaged.Length).Sum(c => (averaged[c - 10] - averaged[c + 10]).Magnitude));
                var centres = Centres(offset, Frame, averaged.Length).ToArray();
                var level = centres.Max(c => averaged[c].Magnitude);
                for (var i = 1; i < centres.Length; i++)
                {
                    var a = averaged[centres[i - 1]];
                    var b = averaged[centres[i]];
                    if (a.Magnitude > 0.5 * level && b.Magnitude > 0.5 * level)
                    {
                        observed.Add(SignalMath.Wrap(b.Phase - a.Phase));
                    }
                }
            }
        }

        Assert.True(observed.Count > 60, $"only {observed.Count} frame pairs found");
        foreach (var step in observed)
        {
            // Nearest of π/4, 3π/4, −3π/4, −π/4.
            var k = Math.Round((step - (Math.PI / 4)) / (Math.PI / 2));
            Assert.InRange(SignalMath.Wrap(step - (Math.PI / 4) - (k * Math.PI / 2)), -0.1, 0.1);
        }

        var symbols = observed.Select(s => (int)Math.Round(SignalMath.Wrap(s - (Math.PI / 4)) / (Math.PI / 2)) & 3).Distinct().Count();
        Assert.Equal(4, symbols);
    }

    [Fact]
    public void Synthesize_Fingerprints_LegacyRadioLeaksMoreIntoTheImageBand()
    {
        // P-3C_1 has a 1.1 dB / 3.5° quadrature imbalance (image ≈ −22 dB), P-8A_1 0.2 dB / −2° (≈ −35 dB).
        var generator = new Link11Generator(new Link11Settings { Channel = false });
        var classes = generator.Info.Classes.ToList();
        double ImageRatio(string emitter)
        {
            double image = 0, wanted = 0;
            for (var v = 0; v < 8; v++)
            {
                var psd = SignalMath.Psd(Clean(generator, classes.IndexOf(emitter), 1024, v));
                for (var k = 0; k < psd.Length; k++)
                {
                    var f = SignalMath.BinFrequency(k, psd.Length) * Fs;
                    if (f is > -2400 and < -900)
                    {
                        image += psd[k];
                    }
                    else if (f is > 900 and < 2400)
                    {
                        wanted += psd[k];
                    }
                }
            }

            return 10 * Math.Log10(image / wanted);
        }

        var legacy = ImageRatio("P-3C_1");
        var modern = ImageRatio("P-8A_1");
        Assert.InRange(legacy, -28, -16);
        Assert.True(legacy > modern + 6, $"image band: P-3C_1 {legacy:F1} dB, P-8A_1 {modern:F1} dB");
    }

    private static IEnumerable<int> Centres(int offset, double frame, int length)
    {
        for (var c = offset + (frame / 2) - 36; c + 1 < length; c += frame)
        {
            if (c >= 0)
            {
                yield return (int)c;
            }
        }
    }

    private static Complex[] Clean(Link11Generator generator, int classIndex, int length, int index)
    {
        var iq = new float[2 * length];
        var clean = new float[2 * length];
        generator.Synthesize(classIndex, 40, seed: 21, index, iq, clean);
        return SignalMath.ToComplex(clean);
    }
}
