using System.Numerics;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Generation.Link11;

/// <summary>
/// Link-11 (TADIL-A) CLEW transmissions of seven emitters that differ only by their transmitter fingerprint:
/// synthesiser frequency error, quadrature-modulator gain / phase imbalance and carrier leakage, Wiener phase
/// noise, a Rapp / Saleh power amplifier, the tone-level ripple of the audio chain and the modem's phase
/// transition time. Each vector varies every fingerprint parameter around its class value, starts at a random
/// point of a message (preamble, phase reference, random data; 75 or 45.45 frames/s), passes an HF channel
/// (a second sky-wave path 0.1–2 ms later at −16 … −6 dB with its own Doppler, receiver tuning error)
/// and AWGN at the labelled SNR over the 8 kHz band, and is scaled to unit mean power.
/// Sample rate 8 kHz, L = 1024 by default (128 ms: 9.6 frames at 75 frames/s, 5.8 at 45.45).
/// </summary>
public sealed class Link11Generator : SignalGenerator
{
    private const int PreRoll = 32;

    private readonly Link11Settings _settings;

    /// <summary>Creates the generator; <paramref name="settings"/> null = defaults.</summary>
    public Link11Generator(Link11Settings? settings = null)
    {
        _settings = settings ?? new Link11Settings();
        if (_settings.SampleRate < 6000 || _settings.FastRateProbability is < 0 or > 1 || _settings.DataFrames < 1
            || _settings.FingerprintJitter < 0 || _settings.MaxTuningOffsetHz < 0 || _settings.SecondPathProbability is < 0 or > 1)
        {
            throw new ArgumentException($"invalid link11 settings: {_settings}", nameof(settings));
        }
    }

    /// <summary>Default SNR grid: −10 … 20 dB in steps of 2 (noise over the whole 8 kHz band).</summary>
    public static IReadOnlyList<int> DefaultSnrGrid { get; } = SnrGrid.Range(-10, 20, 2);

    /// <inheritdoc />
    public override DatasetInfo Info => DatasetCatalog.Link11;

    /// <inheritdoc />
    public override IReadOnlyList<int> DefaultSnrs => DefaultSnrGrid;

    /// <inheritdoc />
    public override int MinLength => 64;

    /// <summary>The model parameters in use.</summary>
    public Link11Settings Settings => _settings;

    private protected override void SynthesizeCore(int classIndex, double snrDb, ref Xoshiro256 rng, Span<float> iq, Span<float> clean)
    {
        var s = _settings;
        var fs = s.SampleRate;
        var length = iq.Length / 2;
        var ws = Workspace.Current;
        var e = Link11Emitters.All[classIndex];
        var fp = s.Fingerprints;
        var jit = s.FingerprintJitter;

        // Transmitter fingerprint of this vector: the class values plus unit-to-unit drift.
        Span<double> amplitudes = stackalloc double[ClewModem.ToneCount];
        var doppler = Math.Pow(10, s.DopplerToneLevelDb / 20);
        for (var t = 0; t < ClewModem.ToneCount; t++)
        {
            var db = 0.0;
            if (fp)
            {
                var position = (ClewModem.ToneFrequency(t) - 1760) / 1155;
                db = (e.TiltDb * position) + (e.RippleDb * Math.Sin((2 * Math.PI * t / e.RipplePeriodTones) + e.RipplePhase)) + (jit * 0.2 * rng.NextGaussian());
            }

            amplitudes[t] = (t == 0 ? doppler : 1) * Math.Pow(10, db / 20);
        }

        var transitionMs = fp ? e.TransitionMs * Math.Max(0.2, 1 + (jit * 0.15 * rng.NextGaussian())) : 0.3;

        // Message position and frame rate.
        var framePeriod = fs / (rng.NextDouble() < s.FastRateProbability ? 75 : 45.45);
        var startFrame = (PreRoll / framePeriod) + rng.Uniform(0, ClewModem.PreambleFrames + 1 + s.DataFrames);
        var tx = ws.Complex(0, length + PreRoll + FractionalDelay.HalfTaps);
        ClewModem.Synthesize(tx, PreRoll, fs, framePeriod, startFrame, transitionMs * fs / 1000, amplitudes, ref rng);

        if (fp)
        {
            var leakage = Math.Pow(10, (e.LoLeakageDb + (jit * 2 * rng.NextGaussian())) / 20) * Transmitter.Rotor(rng.NextPhase());
            Transmitter.IqImbalance(tx, e.IqGainDb + (jit * 0.05 * rng.NextGaussian()), (e.IqPhaseDeg + (jit * 0.3 * rng.NextGaussian())) * Math.PI / 180, leakage);
            var rms = Math.Sqrt(Transmitter.MeanPower(tx));
            var backoff = e.PaBackoffDb + (jit * 1.5 * rng.NextGaussian());
            var pa = new PowerAmplifier(
                e.PaSmoothness * Math.Max(0.5, 1 + (jit * 0.05 * rng.NextGaussian())),
                rms * Math.Pow(10, backoff / 20),
                e.PaAmPm * Math.Max(0, 1 + (jit * 0.1 * rng.NextGaussian())),
                1);
            pa.Apply(tx);
            var cfo = e.CarrierOffsetHz + (jit * 1.5 * rng.NextGaussian());
            var pn = e.PhaseNoiseStd * Math.Max(0, 1 + (jit * 0.15 * rng.NextGaussian()));
            Transmitter.Oscillator(tx, cfo / fs, 0, pn, ref rng);
        }

        var received = ws.Complex(1, length);
        tx.Slice(PreRoll, length).CopyTo(received);
        if (s.Channel)
        {
            if (rng.NextDouble() < s.SecondPathProbability)
            {
                var echo = ws.Complex(2, length);
                var delay = rng.Uniform(0.1e-3, 2e-3) * fs;
                var gain = Math.Pow(10, rng.Uniform(-16, -6) / 20) * Transmitter.Rotor(rng.NextPhase());
                FractionalDelay.AddDelayed(tx, PreRoll, delay, gain, echo);
                Transmitter.Oscillator(echo, rng.Symmetric(0.5) / fs, 0, 0, ref rng);
                for (var n = 0; n < length; n++)
                {
                    received[n] += echo[n];
                }
            }

            Transmitter.Oscillator(received, rng.Symmetric(s.MaxTuningOffsetHz) / fs, rng.NextPhase(), 0, ref rng);
        }

        VectorFinisher.Finish(received, snrDb, VectorNormalization.UnitPower, ref rng, iq, clean);
    }
}
