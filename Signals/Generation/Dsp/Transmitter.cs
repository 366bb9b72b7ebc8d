using System.Numerics;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>Transmitter impairments shared by the emitter generators.</summary>
internal static class Transmitter
{
    /// <summary>
    /// Quadrature-modulator imbalance and LO leakage: y = μ·x + ν·x* + c with μ = (1 + g·e^{−jφ})/2 and
    /// ν = (1 − g·e^{jφ})/2 for amplitude ratio g and phase error φ; the image then sits
    /// 20·log10|μ/ν| dB below the wanted signal. <paramref name="leakage"/> is relative to the RMS level.
    /// </summary>
    public static void IqImbalance(Span<Complex> signal, double gainDb, double phaseRad, Complex leakage)
    {
        var g = Math.Pow(10, gainDb / 20);
        var mu = (1 + (g * Complex.FromPolarCoordinates(1, -phaseRad))) / 2;
        var nu = (1 - (g * Complex.FromPolarCoordinates(1, phaseRad))) / 2;
        var rms = Math.Sqrt(MeanPower(signal));
        var c = leakage * rms;

        // As a real 2×2 map: [yr, yi] = [[μr + νr, νi − μi], [μi + νi, μr − νr]]·[xr, xi] + c.
        double a = mu.Real + nu.Real, b = nu.Imaginary - mu.Imaginary, d = mu.Imaginary + nu.Imaginary, e = mu.Real - nu.Real;
        for (var n = 0; n < signal.Length; n++)
        {
            var x = signal[n];
            signal[n] = new Complex((a * x.Real) + (b * x.Imaginary) + c.Real, (d * x.Real) + (e * x.Imaginary) + c.Imaginary);
        }
    }

    /// <summary>
    /// Local-oscillator error: rotates sample n by 2π·f·n + φ₀ + θₙ, where θ is a Wiener phase-noise process
    /// with increments of standard deviation <paramref name="phaseNoiseStd"/> rad per sample. The rotor runs
    /// as a recursion and is re-derived from the exactly tracked angle every 32 samples.
    /// </summary>
    public static void Oscillator(Span<Complex> signal, double cyclesPerSample, double phase0, double phaseNoiseStd, ref Xoshiro256 rng)
    {
        const int Block = 32;
        var step = 2 * Math.PI * cyclesPerSample;
        var (stepSin, stepCos) = Math.SinCos(step);
        var theta = phase0;
        for (var b = 0; b < signal.Length; b += Block)
        {
            var (sin, cos) = Math.SinCos(theta);
            var end = Math.Min(signal.Length, b + Block);
            for (var m = b; m < end; m++)
            {
                if (phaseNoiseStd > 0)
                {
                    // Small-angle rotor of the phase-noise increment (|δ| ≪ 1), exact to O(δ⁶).
                    var d = phaseNoiseStd * rng.NextGaussian();
                    theta += d;
                    var d2 = d * d;
                    var dc = 1 - (d2 / 2 * (1 - (d2 / 12)));
                    var ds = d * (1 - (d2 / 6 * (1 - (d2 / 20))));
                    (cos, sin) = ((cos * dc) - (sin * ds), (sin * dc) + (cos * ds));
                }

                var x = signal[m];
                signal[m] = new Complex((x.Real * cos) - (x.Imaginary * sin), (x.Real * sin) + (x.Imaginary * cos));
                (cos, sin) = ((cos * stepCos) - (sin * stepSin), (sin * stepCos) + (cos * stepSin));
                theta += step;
            }
        }
    }

    /// <summary>
    /// Band-limits the signal with a Gaussian FIR of standard deviation <paramref name="sigmaSamples"/> (the
    /// transmitter's filter; a 3-dB bandwidth B at sample rate fs gives σ = fs·√(ln 2)/(2π·B)).
    /// <paramref name="scratch"/> must be as long as the signal.
    /// </summary>
    public static void GaussianFilter(Span<Complex> signal, double sigmaSamples, Span<Complex> scratch)
    {
        var half = Math.Min(16, (int)Math.Ceiling(3 * sigmaSamples));
        if (half < 1)
        {
            return;
        }

        Span<double> taps = stackalloc double[(2 * half) + 1];
        var sum = 0.0;
        for (var k = -half; k <= half; k++)
        {
            taps[k + half] = Math.Exp(-0.5 * k * k / (sigmaSamples * sigmaSamples));
            sum += taps[k + half];
        }

        for (var k = 0; k < taps.Length; k++)
        {
            taps[k] /= sum;
        }

        var n = signal.Length;
        for (var m = 0; m < n; m++)
        {
            double re = 0, im = 0;
            var lo = Math.Max(-half, -m);
            var hi = Math.Min(half, n - 1 - m);
            for (var k = lo; k <= hi; k++)
            {
                var x = signal[m + k];
                re += taps[k + half] * x.Real;
                im += taps[k + half] * x.Imaginary;
            }

            scratch[m] = new Complex(re, im);
        }

        scratch[..n].CopyTo(signal);
    }

    /// <summary>e^{jθ}.</summary>
    public static Complex Rotor(double theta)
    {
        var (s, c) = Math.SinCos(theta);
        return new Complex(c, s);
    }

    /// <summary>Mean |x|² over the span.</summary>
    public static double MeanPower(ReadOnlySpan<Complex> signal)
    {
        var p = 0.0;
        foreach (var x in signal)
        {
            p += (x.Real * x.Real) + (x.Imaginary * x.Imaginary);
        }

        return signal.Length == 0 ? 0 : p / signal.Length;
    }
}
