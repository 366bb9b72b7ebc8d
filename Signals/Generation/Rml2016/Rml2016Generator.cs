using System.Numerics;
using System.Runtime.Intrinsics;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Generation.Rml2016;

/// <summary>
/// RadioML-2016-style modulation vectors (16QAM, 64QAM, 8PSK, BPSK, GMSK, QPSK; L = 128 by default).
/// <para>
/// Signal: random symbols at <see cref="Rml2016Settings.SamplesPerSymbol"/> samples per symbol, RRC pulses
/// (random roll-off) for PSK/QAM, Gaussian-filtered continuous-phase FSK for GMSK. The waveform is evaluated in
/// continuous time at t = t₀ + n·(1 + ε)/sps symbols, which realises the random timing offset t₀ (a vector cut
/// at a random point of a long burst, with no start-up transient), the sample-clock offset ε and the
/// fractional path delays exactly (the pulses are tabulated at 256 points per symbol and interpolated).
/// </para>
/// <para>
/// Channel: 3-path Rician fading (static over a vector, as RadioML's Doppler is far below 1/L), carrier
/// frequency offset, random carrier phase, AWGN at the labelled SNR (mean signal power over the vector / noise
/// power); the noisy vector is divided by its L1 norm Σ|xₙ|, as the published RML2016.10a vectors are.
/// </para>
/// </summary>
public sealed class Rml2016Generator : SignalGenerator
{
    private readonly Rml2016Settings _settings;
    private readonly Rml2016Modulation[] _modulations;

    /// <summary>Creates the generator; <paramref name="settings"/> null = RadioML defaults.</summary>
    public Rml2016Generator(Rml2016Settings? settings = null)
    {
        _settings = settings ?? new Rml2016Settings();
        Validate(_settings);
        _modulations = DatasetCatalog.Rml2016.Classes.Select(Parse).ToArray();
    }

    /// <inheritdoc />
    public override DatasetInfo Info => DatasetCatalog.Rml2016;

    /// <inheritdoc />
    public override IReadOnlyList<int> DefaultSnrs => SnrGrid.Rml2016;

    /// <inheritdoc />
    public override int MinLength => 8;

    /// <summary>The model parameters in use.</summary>
    public Rml2016Settings Settings => _settings;

    private protected override void SynthesizeCore(int classIndex, double snrDb, ref Xoshiro256 rng, Span<float> iq, Span<float> clean)
    {
        var s = _settings;
        var length = iq.Length / 2;
        var modulation = _modulations[classIndex];
        var ws = Workspace.Current;

        // Nuisance parameters, always drawn in the same order.
        var step = (1 + rng.Symmetric(s.MaxSampleRateOffset)) / s.SamplesPerSymbol;
        var t0 = s.RandomTiming ? rng.NextDouble() : 0;
        var cfo = rng.Symmetric(s.MaxCarrierOffset);
        var phase0 = s.RandomPhase ? rng.NextPhase() : 0;
        var rollOff = rng.Uniform(s.RollOffMin, s.RollOffMax);
        var paths = s.Fading ? s.PathDelays.Count : 1;
        Span<Complex> gains = stackalloc Complex[paths];
        Span<double> delays = stackalloc double[paths];
        var los = Math.Sqrt(s.RicianK / (s.RicianK + 1));
        var scatter = 1 / (s.RicianK + 1);
        var maxDelay = 0.0;
        for (var p = 0; p < paths; p++)
        {
            if (s.Fading)
            {
                gains[p] = s.PathGains[p] * ((los * Transmitter.Rotor(rng.NextPhase())) + rng.NextComplexGaussian(scatter));
                delays[p] = s.PathDelays[p] / s.SamplesPerSymbol;
            }
            else
            {
                gains[p] = Complex.One;
                delays[p] = 0;
            }

            maxDelay = Math.Max(maxDelay, delays[p]);
        }

        var halfSpan = modulation == Rml2016Modulation.Gmsk ? PulseShapes.GmskHalfSpan : PulseShapes.RrcHalfSpan;
        var kLo = (int)Math.Floor(t0 - maxDelay) - halfSpan - 1;
        var kHi = (int)Math.Ceiling(t0 + ((length - 1) * step)) + halfSpan + 1;
        var symbolCount = kHi - kLo + 1;
        var signal = ws.Complex(0, length);

        if (modulation == Rml2016Modulation.Gmsk)
        {
            var pulse = PulseShapes.GmskPhase(s.GmskBt);
            var bits = ws.Real(0, symbolCount);
            var prefix = ws.Real(1, symbolCount + 1);
            prefix[0] = 0;
            for (var k = 0; k < symbolCount; k++)
            {
                bits[k] = (rng.NextUInt64() >> 63) == 0 ? -1 : 1;
                prefix[k + 1] = prefix[k] + bits[k];
            }

            var phasePerSymbol = Math.PI * s.GmskModulationIndex;
            for (var p = 0; p < paths; p++)
            {
                AddGmskPath(signal, bits, prefix, pulse, kLo, t0 - delays[p], step, phasePerSymbol, gains[p]);
            }
        }
        else
        {
            var alphabet = Constellations.For(modulation);
            var symbolsRe = ws.Real(2, symbolCount);
            var symbolsIm = ws.Real(3, symbolCount);
            for (var k = 0; k < symbolCount; k++)
            {
                var a = alphabet[rng.NextInt(alphabet.Length)];
                symbolsRe[k] = a.Real;
                symbolsIm[k] = a.Imaginary;
            }

            var pulse = PulseShapes.RootRaisedCosine(rollOff);
            for (var p = 0; p < paths; p++)
            {
                AddLinearPath(signal, symbolsRe, symbolsIm, pulse, kLo, t0 - delays[p], step, gains[p]);
            }
        }

        Transmitter.Oscillator(signal, cfo, phase0, 0, ref rng);
        VectorFinisher.Finish(signal, snrDb, VectorNormalization.L1, ref rng, iq, clean);
    }

    /// <summary>signal[n] += gain · Σₖ aₖ·h(t₀ + n·step − k), four taps per vector register.</summary>
    private static void AddLinearPath(Span<Complex> signal, ReadOnlySpan<double> symbolsRe, ReadOnlySpan<double> symbolsIm, PulseTable pulse, int kLo, double t0, double step, Complex gain)
    {
        var span = pulse.HalfSpan;
        var r = pulse.PointsPerSymbol;
        var taps = 2 * span;
        ReadOnlySpan<double> poly = pulse.Polyphase;
        for (var n = 0; n < signal.Length; n++)
        {
            // Taps k = k0 … k0 + taps − 1 see the pulse at u = τ − k; all share one interpolation fraction f
            // and one polyphase row φ.
            var tau = t0 + (n * step);
            var k0 = (int)Math.Floor(tau - span) + 1;
            var x0 = (tau - k0 + span) * r;
            var i0 = (int)x0;
            var f = x0 - i0;
            var phi = i0 - ((taps - 1) * r);
            var row0 = poly.Slice(phi * taps, taps);
            var row1 = poly.Slice((phi + 1) * taps, taps);
            var are = symbolsRe.Slice(k0 - kLo, taps);
            var aim = symbolsIm.Slice(k0 - kLo, taps);
            double re, im;
            if (taps % 4 == 0)
            {
                var accRe = Vector256<double>.Zero;
                var accIm = Vector256<double>.Zero;
                for (var j = 0; j < taps; j += 4)
                {
                    var h0 = Vector256.Create<double>(row0.Slice(j, 4));
                    var h = h0 + ((Vector256.Create<double>(row1.Slice(j, 4)) - h0) * f);
                    accRe += h * Vector256.Create<double>(are.Slice(j, 4));
                    accIm += h * Vector256.Create<double>(aim.Slice(j, 4));
                }

                re = Vector256.Sum(accRe);
                im = Vector256.Sum(accIm);
            }
            else
            {
                re = 0;
                im = 0;
                for (var j = 0; j < taps; j++)
                {
                    var h = row0[j] + (f * (row1[j] - row0[j]));
                    re += are[j] * h;
                    im += aim[j] * h;
                }
            }

            signal[n] += gain * new Complex(re, im);
        }
    }

    /// <summary>signal[n] += gain · exp(j·π·h·Σₖ bₖ·q(t₀ + n·step − k)).</summary>
    private static void AddGmskPath(Span<Complex> signal, ReadOnlySpan<double> bits, ReadOnlySpan<double> prefix, PulseTable pulse, int kLo, double t0, double step, double phasePerSymbol, Complex gain)
    {
        var span = pulse.HalfSpan;
        var r = pulse.PointsPerSymbol;
        var values = pulse.Values;
        for (var n = 0; n < signal.Length; n++)
        {
            // Symbols before k0 have completed their phase step (q = 1): their sum is the prefix.
            var tau = t0 + (n * step);
            var k0 = (int)Math.Floor(tau - span) + 1;
            var x0 = (tau - k0 + span) * r;
            var i0 = (int)x0;
            var f = x0 - i0;
            var b = bits.Slice(k0 - kLo, 2 * span);
            var phase = prefix[k0 - kLo];
            for (var j = 0; j < b.Length; j++)
            {
                var idx = i0 - (j * r);
                phase += b[j] * (values[idx] + (f * (values[idx + 1] - values[idx])));
            }

            signal[n] += gain * Transmitter.Rotor(phasePerSymbol * phase);
        }
    }

    private static Rml2016Modulation Parse(string name) => name switch
    {
        "16QAM" => Rml2016Modulation.Qam16,
        "64QAM" => Rml2016Modulation.Qam64,
        "8PSK" => Rml2016Modulation.Psk8,
        "BPSK" => Rml2016Modulation.Bpsk,
        "GMSK" => Rml2016Modulation.Gmsk,
        "QPSK" => Rml2016Modulation.Qpsk,
        _ => throw new InvalidOperationException($"rml2016 class '{name}' has no modulation model"),
    };

    private static void Validate(Rml2016Settings s)
    {
        if (s.SamplesPerSymbol < 2 || s.RollOffMin <= 0 || s.RollOffMax > 1 || s.RollOffMin > s.RollOffMax
            || s.MaxSampleRateOffset is < 0 or > 0.1 || s.MaxCarrierOffset is < 0 or > 0.5 || s.RicianK < 0
            || s.PathDelays.Count != s.PathGains.Count || s.PathDelays.Count == 0 || s.PathDelays.Any(d => d is < 0 or > 64)
            || s.GmskBt <= 0 || s.GmskModulationIndex <= 0)
        {
            throw new ArgumentException($"invalid rml2016 settings: {s}", nameof(s));
        }
    }
}
