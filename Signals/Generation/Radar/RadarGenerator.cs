using System.Numerics;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Generation.Radar;

/// <summary>
/// Intercepted pulse trains of seven airborne radar emitters at a 10 MHz complex sample rate (L = 1024 by
/// default: a 102.4 µs window holding 2–12 pulses). Each vector draws the emitter's design parameters (pulse
/// width or chip length, LFM bandwidth, base PRI) from the class ranges, builds the PRI sequence (fixed,
/// staggered or jittered) at a random phase of the train, and synthesises each pulse with its intra-pulse
/// modulation (LFM up/down, Barker-13, Frank, P4, Costas, or none) and the transmitter fingerprint: raised-
/// cosine rise and fall, amplitude droop, AM/PM on the edges, frequency pulling over the pulse, carrier offset,
/// Wiener phase noise, and for a magnetron random pulse-to-pulse phase and frequency. The channel adds a sea-
/// surface reflection (0.05–1.5 µs later, |ρ| 0.1–0.7) and the receiver's tuning offset; AWGN at the labelled
/// SNR (mean power over the window, gaps included, to the noise over the 10 MHz band); unit mean power.
/// </summary>
public sealed class RadarGenerator : SignalGenerator
{
    private const int PreRoll = 32;

    private readonly RadarSettings _settings;

    /// <summary>Creates the generator; <paramref name="settings"/> null = defaults.</summary>
    public RadarGenerator(RadarSettings? settings = null)
    {
        _settings = settings ?? new RadarSettings();
        if (_settings.SampleRate < 5e6 || _settings.MaxTuningOffsetHz < 0 || _settings.ReflectionProbability is < 0 or > 1 || _settings.FingerprintJitter < 0)
        {
            throw new ArgumentException($"invalid radar settings: {_settings}", nameof(settings));
        }
    }

    /// <summary>Default SNR grid: −10 … 20 dB in steps of 2.</summary>
    public static IReadOnlyList<int> DefaultSnrGrid { get; } = SnrGrid.Range(-10, 20, 2);

    /// <inheritdoc />
    public override DatasetInfo Info => DatasetCatalog.Radar;

    /// <inheritdoc />
    public override IReadOnlyList<int> DefaultSnrs => DefaultSnrGrid;

    /// <summary>A window must hold a whole PRI of the slowest emitter (≈ 46 µs) so that it always contains a pulse.</summary>
    public override int MinLength => 512;

    /// <summary>The model parameters in use.</summary>
    public RadarSettings Settings => _settings;

    private protected override void SynthesizeCore(int classIndex, double snrDb, ref Xoshiro256 rng, Span<float> iq, Span<float> clean)
    {
        var s = _settings;
        var fs = s.SampleRate;
        var length = iq.Length / 2;
        var ws = Workspace.Current;
        var e = RadarEmitters.All[classIndex];
        var fp = s.Fingerprints;
        var jit = s.FingerprintJitter;

        // Pulse design of this vector.
        var chips = PulseCodes.ChipCount(e.Modulation, e.CodeOrder);
        var chip = chips > 0 ? rng.Uniform(e.ChipUs.Min, e.ChipUs.Max) * 1e-6 : 0;
        var width = chips > 0 ? chips * chip : rng.Uniform(e.PulseWidthUs.Min, e.PulseWidthUs.Max) * 1e-6;
        var bandwidth = rng.Uniform(e.BandwidthMHz.Min, e.BandwidthMHz.Max) * 1e6;
        var pri = rng.Uniform(e.PriUs.Min, e.PriUs.Max) * 1e-6;
        Span<double> chipPhase = stackalloc double[Math.Max(chips, 1)];
        if (e.Modulation is IntraPulseModulation.Barker13 or IntraPulseModulation.Frank or IntraPulseModulation.P4)
        {
            PulseCodes.Phases(e.Modulation, e.CodeOrder, chipPhase);
        }
        else if (e.Modulation == IntraPulseModulation.Costas)
        {
            // Hop c sits at (w_c − 3.5)/hop Hz; the phase is continuous across hops.
            var acc = 0.0;
            for (var c = 0; c < chips; c++)
            {
                chipPhase[c] = acc;
                acc += 2 * Math.PI * (PulseCodes.Costas6[c] - 3.5);
            }
        }

        // Fingerprint of this vector.
        var rise = fp ? e.RiseTimeNs * 1e-9 * Math.Max(0.3, 1 + (jit * 0.1 * rng.NextGaussian())) : 0;
        var droop = fp ? e.DroopPercent / 100 * Math.Max(0, 1 + (jit * 0.15 * rng.NextGaussian())) : 0;
        var amPm = fp ? e.AmPmRad * Math.Max(0, 1 + (jit * 0.1 * rng.NextGaussian())) : 0;
        var pull = fp ? e.FrequencyPullKHz * 1e3 * (1 + (jit * 0.15 * rng.NextGaussian())) : 0;
        var rf = fp ? (e.RfOffsetMHz * 1e6) + (jit * 50e3 * rng.NextGaussian()) : 0;
        var phaseNoise = fp ? e.PhaseNoiseStd * Math.Max(0, 1 + (jit * 0.15 * rng.NextGaussian())) : 0;
        var filterSigma = fp ? fs * Math.Sqrt(Math.Log(2)) / (2 * Math.PI * e.FilterBandwidthMHz * 1e6 * Math.Max(0.5, 1 + (jit * 0.05 * rng.NextGaussian()))) : 0;
        var coherent = !fp || e.Coherent;

        // Pulse train: the first pulse starts up to one PRI before the buffer; pulses follow at the PRI pattern.
        var window = length / fs;
        var total = length + PreRoll + FractionalDelay.HalfTaps;
        var end = window + (FractionalDelay.HalfTaps / fs);
        var tx = ws.Complex(0, total);
        var stagger = rng.NextInt(e.StaggerRatios.Count);
        var start = -(PreRoll / fs) - width - (rng.NextDouble() * NextInterval(e, pri, ref stagger, ref rng));
        while (start < end)
        {
            var pulsePhase = coherent ? 0 : rng.NextPhase();
            var pulseRf = rf + (coherent ? 0 : rng.Symmetric(e.PulseFrequencyJitterKHz * 1e3));
            var first = Math.Max(0, (int)Math.Ceiling((start * fs) + PreRoll));
            var last = Math.Min(total - 1, (int)Math.Floor(((start + width) * fs) + PreRoll));
            for (var m = first; m <= last; m++)
            {
                var time = (m - PreRoll) / fs;
                var t = time - start;
                var envelope = Ramp(t, rise) * Ramp(width - t, rise) * (1 - (droop * t / width));
                var phase = (2 * Math.PI * pulseRf * time) + pulsePhase
                    + IntraPulsePhase(e.Modulation, t, width, bandwidth, chip, chips, chipPhase)
                    + (Math.PI * pull * t * t / width);
                if (amPm != 0)
                {
                    var e2 = envelope * envelope;
                    phase += amPm * e2 / (1 + e2);
                }

                tx[m] += envelope * Transmitter.Rotor(phase);
            }

            start += NextInterval(e, pri, ref stagger, ref rng);
        }

        if (filterSigma > 0)
        {
            Transmitter.GaussianFilter(tx, filterSigma, ws.Complex(2, total));
        }

        if (phaseNoise > 0)
        {
            Transmitter.Oscillator(tx, 0, 0, phaseNoise, ref rng);
        }

        var received = ws.Complex(1, length);
        tx.Slice(PreRoll, length).CopyTo(received);
        if (s.Channel)
        {
            if (rng.NextDouble() < s.ReflectionProbability)
            {
                var delay = rng.Uniform(0.05e-6, 1.5e-6) * fs;
                var rho = rng.Uniform(0.1, 0.7) * Transmitter.Rotor(rng.NextPhase());
                FractionalDelay.AddDelayed(tx, PreRoll, delay, rho, received);
            }

            Transmitter.Oscillator(received, rng.Symmetric(s.MaxTuningOffsetHz) / fs, rng.NextPhase(), 0, ref rng);
        }

        VectorFinisher.Finish(received, snrDb, VectorNormalization.UnitPower, ref rng, iq, clean);
    }

    private static double NextInterval(RadarEmitter e, double pri, ref int stagger, ref Xoshiro256 rng)
    {
        switch (e.Pri)
        {
            case PriPattern.Staggered:
                var ratio = e.StaggerRatios[stagger];
                stagger = (stagger + 1) % e.StaggerRatios.Count;
                return pri * ratio;
            case PriPattern.Jittered:
                return pri * (1 + rng.Symmetric(e.JitterFraction));
            default:
                return pri;
        }
    }

    /// <summary>Raised-cosine edge: 0 before the pulse, 1 after the rise time.</summary>
    private static double Ramp(double t, double rise)
    {
        if (t <= 0)
        {
            return 0;
        }

        return t >= rise ? 1 : 0.5 * (1 - Math.Cos(Math.PI * t / rise));
    }

    private static double IntraPulsePhase(IntraPulseModulation modulation, double t, double width, double bandwidth, double chip, int chips, ReadOnlySpan<double> chipPhase)
    {
        switch (modulation)
        {
            case IntraPulseModulation.LfmUp:
            case IntraPulseModulation.LfmDown:
                var k = (modulation == IntraPulseModulation.LfmUp ? 1 : -1) * bandwidth / width;
                var u = t - (width / 2);
                return Math.PI * k * u * u;
            case IntraPulseModulation.Barker13:
            case IntraPulseModulation.Frank:
            case IntraPulseModulation.P4:
                return chipPhase[Math.Clamp((int)(t / chip), 0, chips - 1)];
            case IntraPulseModulation.Costas:
                var c = Math.Clamp((int)(t / chip), 0, chips - 1);
                var f = (PulseCodes.Costas6[c] - 3.5) / chip;
                return chipPhase[c] + (2 * Math.PI * f * (t - (c * chip)));
            default:
                return 0;
        }
    }
}
