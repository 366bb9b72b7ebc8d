using System.Numerics;
using CloudEdge.Signals.Generation.Radar;

namespace CloudEdge.Signals.Tests.Generation;

public sealed class RadarGeneratorTests
{
    private const double Fs = 10e6;
    private const int Length = 4096;

    private static readonly RadarGenerator Ideal = new(new RadarSettings { Fingerprints = false, Channel = false });

    public static TheoryData<int> Emitters => [0, 1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Emitters))]
    public void Synthesize_IdealEmitter_PulseWidthAndPriFollowTheDesign(int emitter)
    {
        var design = RadarEmitters.All[emitter];
        var chips = PulseCodes.ChipCount(design.Modulation, design.CodeOrder);
        var (minWidth, maxWidth) = chips > 0 ? (design.ChipUs.Min * chips, design.ChipUs.Max * chips) : design.PulseWidthUs;
        for (var v = 0; v < 4; v++)
        {
            var pulses = Pulses(Clean(emitter, v));
            Assert.True(pulses.Count >= 4, $"only {pulses.Count} pulses in {Length / Fs * 1e6} µs");

            var widths = pulses.Where(p => p.Start > 0 && p.End < Length - 1).Select(p => p.End - p.Start + 1).ToArray();
            Assert.InRange(widths.Max() - widths.Min(), 0, 1);
            Assert.InRange(widths.Average() / Fs * 1e6, minWidth - 0.15, maxWidth + 0.15);

            var intervals = pulses.Zip(pulses.Skip(1), (a, b) => (double)(b.Start - a.Start)).Skip(1).ToArray();
            switch (design.Pri)
            {
                case PriPattern.Fixed:
                    Assert.InRange(intervals.Max() - intervals.Min(), 0, 1);
                    Assert.InRange(intervals.Average() / Fs * 1e6, design.PriUs.Min - 0.1, design.PriUs.Max + 0.1);
                    break;
                case PriPattern.Staggered:
                    var k = design.StaggerRatios.Count;
                    for (var i = k; i < intervals.Length; i++)
                    {
                        Assert.InRange(intervals[i] - intervals[i - k], -1, 1);
                    }

                    var cycle = intervals.Take(k).Order().ToArray();
                    var ratios = design.StaggerRatios.Order().ToArray();
                    for (var i = 1; i < k; i++)
                    {
                        Assert.InRange(cycle[i] / cycle[0], (ratios[i] / ratios[0]) - 0.01, (ratios[i] / ratios[0]) + 0.01);
                    }

                    break;
                default:
                    var spread = (1 + design.JitterFraction) / (1 - design.JitterFraction);
                    Assert.InRange(intervals.Max() / intervals.Min(), 1.002, spread + 0.01);
                    break;
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, -1)]
    public void Synthesize_IdealLfm_SweepsItsBandwidthInTheDesignedDirection(int emitter, int direction)
    {
        var design = RadarEmitters.All[emitter];
        var clean = Clean(emitter, 1);
        foreach (var pulse in Pulses(clean).Where(p => p.Start > 0 && p.End < Length - 1))
        {
            // Mean instantaneous frequency over the first and the last tenth of the pulse, extrapolated to the
            // whole pulse from the distance of the two stretches' centres.
            var n = pulse.End - pulse.Start + 1;
            var (h0, h1, t0, t1) = (pulse.Start + 2, pulse.Start + (n / 10), pulse.End - (n / 10), pulse.End - 2);
            var head = InstantaneousFrequency(clean, h0, h1);
            var tail = InstantaneousFrequency(clean, t0, t1);
            var sweep = (tail - head) * n / (((t0 + t1) / 2.0) - ((h0 + h1) / 2.0)) * direction;
            Assert.InRange(sweep / 1e6, design.BandwidthMHz.Min * 0.95, design.BandwidthMHz.Max * 1.05);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Synthesize_IdealPhaseCode_ChipPhasesFollowTheCode(int emitter)
    {
        var design = RadarEmitters.All[emitter];
        double[] code = design.Modulation switch
        {
            IntraPulseModulation.Barker13 => [0, 0, 0, 0, 0, Math.PI, Math.PI, 0, 0, Math.PI, 0, Math.PI, 0],
            IntraPulseModulation.Frank => [.. Enumerable.Range(0, 16).Select(c => 2 * Math.PI * (c / 4) * (c % 4) / 4.0)],
            IntraPulseModulation.P4 => [.. Enumerable.Range(0, 16).Select(c => (Math.PI * c * c / 16.0) - (Math.PI * c))],
            _ => throw new InvalidOperationException("not a phase-coded emitter"),
        };
        var clean = Clean(emitter, 2);
        var pulse = Pulses(clean).First(p => p.Start > 0 && p.End < Length - 1);
        var chip = (pulse.End - pulse.Start + 1) / (double)code.Length;
        var reference = clean[pulse.Start + (int)(chip / 2)].Phase;
        for (var c = 0; c < code.Length; c++)
        {
            var phase = clean[pulse.Start + (int)((c + 0.5) * chip)].Phase - reference;
            Assert.InRange(SignalMath.Wrap(phase - code[c]), -0.05, 0.05);
        }
    }

    [Fact]
    public void Synthesize_IdealCostas_HopsFollowTheWelchSequence()
    {
        int[] welch = [3, 2, 6, 4, 5, 1];
        var clean = Clean(6, 0);
        var pulse = Pulses(clean).First(p => p.Start > 0 && p.End < Length - 1);
        var hop = (pulse.End - pulse.Start + 1) / (double)welch.Length;
        for (var c = 0; c < welch.Length; c++)
        {
            var f = InstantaneousFrequency(clean, pulse.Start + (int)((c * hop) + 2), pulse.Start + (int)(((c + 1) * hop) - 2));
            var expected = (welch[c] - 3.5) * Fs / hop; // hop spacing 1/hop
            Assert.InRange(f, expected - 20e3, expected + 20e3);
        }
    }

    [Fact]
    public void Synthesize_MagnetronFingerprint_PulsesAreNotPhaseCoherent()
    {
        // With an ideal transmitter every pulse of the unmodulated emitter continues one carrier phase; the
        // magnetron fingerprint starts each pulse at a random phase.
        var ideal = Clean(2, 0);
        var real = Clean(2, 0, new RadarGenerator(new RadarSettings { Channel = false }));
        Assert.InRange(PulsePhaseSpread(ideal), 0, 0.01);
        Assert.True(PulsePhaseSpread(real) > 0.5);
    }

    [Fact]
    public void Synthesize_LongWindow_PulsesFillTheWholeWindow()
    {
        // 3.3 ms of the fastest emitter (PRI 8–14 µs) holds some 300 pulses.
        const int Long = 32768;
        var iq = new float[2 * Long];
        var clean = new float[2 * Long];
        Ideal.Synthesize(2, 40, 1, 0, iq, clean);
        var pulses = Pulses(SignalMath.ToComplex(clean));
        Assert.True(pulses.Count > 230, $"{pulses.Count} pulses");
        Assert.True(pulses[^1].Start > Long - (14e-6 * 1.1 * Fs), $"last pulse at sample {pulses[^1].Start}");
    }

    private static double PulsePhaseSpread(Complex[] x)
    {
        var phases = Pulses(x).Where(p => p.Start > 0).Select(p => x[(p.Start + p.End) / 2].Phase).ToArray();
        return phases.Skip(1).Select(p => Math.Abs(SignalMath.Wrap(p - phases[0]))).Max();
    }

    private static double InstantaneousFrequency(Complex[] x, int from, int to)
    {
        var sum = Complex.Zero;
        for (var n = from; n < to; n++)
        {
            sum += x[n + 1] * Complex.Conjugate(x[n]);
        }

        return sum.Phase / (2 * Math.PI) * Fs;
    }

    private static List<(int Start, int End)> Pulses(Complex[] x)
    {
        var threshold = 0.5 * x.Max(c => c.Magnitude);
        var pulses = new List<(int, int)>();
        var start = -1;
        for (var n = 0; n <= x.Length; n++)
        {
            var on = n < x.Length && x[n].Magnitude > threshold;
            if (on && start < 0)
            {
                start = n;
            }
            else if (!on && start >= 0)
            {
                pulses.Add((start, n - 1));
                start = -1;
            }
        }

        return pulses;
    }

    private static Complex[] Clean(int emitter, int index, RadarGenerator? generator = null)
    {
        var iq = new float[2 * Length];
        var clean = new float[2 * Length];
        (generator ?? Ideal).Synthesize(emitter, 40, seed: 13, index, iq, clean);
        return SignalMath.ToComplex(clean);
    }
}
