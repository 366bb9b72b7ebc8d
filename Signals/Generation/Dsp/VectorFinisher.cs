using System.Numerics;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// Last stage of every generator: AWGN at the labelled SNR, normalisation, and the write-out as float32
/// rows (I then Q). The SNR is the ratio of the mean signal power over the vector to the noise power over
/// the full sampled band, as RadioML defines it.
/// </summary>
internal static class VectorFinisher
{
    /// <summary>Adds noise to <paramref name="signal"/> (kept intact), normalises and writes <paramref name="iq"/> and, if not empty, <paramref name="clean"/>.</summary>
    public static void Finish(ReadOnlySpan<Complex> signal, double snrDb, VectorNormalization normalization, ref Xoshiro256 rng, Span<float> iq, Span<float> clean)
    {
        var length = signal.Length;
        if (iq.Length != 2 * length || (!clean.IsEmpty && clean.Length != 2 * length))
        {
            throw new ArgumentException($"output spans must hold 2×{length} floats", nameof(iq));
        }

        var power = Math.Max(Transmitter.MeanPower(signal), 1e-300);
        var sigma = Math.Sqrt(power * Math.Pow(10, -snrDb / 10) / 2);
        var re = iq[..length];
        var im = iq[length..];
        double sumAbs = 0, sumPow = 0;
        for (var n = 0; n < length; n++)
        {
            rng.NextGaussianPair(out var a, out var b);
            var x = signal[n].Real + (sigma * a);
            var y = signal[n].Imaginary + (sigma * b);
            re[n] = (float)x;
            im[n] = (float)y;
            var p2 = (x * x) + (y * y);
            sumPow += p2;
            if (normalization == VectorNormalization.L1)
            {
                sumAbs += Math.Sqrt(p2);
            }
        }

        var scale = normalization == VectorNormalization.L1 ? 1 / sumAbs : Math.Sqrt(length / sumPow);
        for (var n = 0; n < 2 * length; n++)
        {
            iq[n] = (float)(iq[n] * scale);
        }

        if (!clean.IsEmpty)
        {
            for (var n = 0; n < length; n++)
            {
                clean[n] = (float)(signal[n].Real * scale);
                clean[length + n] = (float)(signal[n].Imaginary * scale);
            }
        }
    }
}
