using System.Numerics;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// Memoryless power-amplifier model: Rapp AM/AM (smoothness <see cref="Smoothness"/>, output saturating at
/// <see cref="Saturation"/>) and Saleh-type AM/PM Φ(r) = α·r²/(1 + β·r²) with r the input amplitude relative
/// to saturation. Rapp: C. Rapp, "Effects of HPA-nonlinearity on a 4-DPSK/OFDM-signal for a digital sound
/// broadcasting system", 1991. Saleh: A. Saleh, IEEE Trans. Commun. 29(11), 1981.
/// </summary>
/// <param name="Smoothness">Rapp p (1 = soft, 10 = nearly a hard limiter).</param>
/// <param name="Saturation">Input amplitude at which the output saturates.</param>
/// <param name="AmPmAlpha">AM/PM α (radians).</param>
/// <param name="AmPmBeta">AM/PM β.</param>
internal readonly record struct PowerAmplifier(double Smoothness, double Saturation, double AmPmAlpha, double AmPmBeta)
{
    /// <summary>Applies the amplifier in place.</summary>
    public void Apply(Span<Complex> signal)
    {
        // g = (1 + (r/A)^{2p})^{−1/(2p)}, evaluated in single precision (far below any noise level made here).
        var p = (float)Smoothness;
        var inverseTwoP = 1 / (2 * p);
        var inverseSat2 = (float)(1 / (Saturation * Saturation));
        for (var n = 0; n < signal.Length; n++)
        {
            var x = signal[n];
            var r2 = (float)((x.Real * x.Real) + (x.Imaginary * x.Imaginary)) * inverseSat2;
            if (r2 < 1e-20f)
            {
                continue;
            }

            var gain = MathF.Exp(-MathF.Log(1 + MathF.Exp(p * MathF.Log(r2))) * inverseTwoP);
            var phase = AmPmAlpha * r2 / (1 + (AmPmBeta * r2));
            var (s, c) = SmallAngleSinCos(phase);
            signal[n] = new Complex(gain * ((x.Real * c) - (x.Imaginary * s)), gain * ((x.Real * s) + (x.Imaginary * c)));
        }
    }

    /// <summary>sin and cos; a Taylor polynomial (error below 10⁻⁸) for |θ| ≤ 0.5, the library otherwise.</summary>
    private static (double Sin, double Cos) SmallAngleSinCos(double theta)
    {
        if (Math.Abs(theta) > 0.5)
        {
            return Math.SinCos(theta);
        }

        var t2 = theta * theta;
        var sin = theta * (1 - (t2 / 6 * (1 - (t2 / 20 * (1 - (t2 / 42 * (1 - (t2 / 72))))))));
        var cos = 1 - (t2 / 2 * (1 - (t2 / 12 * (1 - (t2 / 30 * (1 - (t2 / 56 * (1 - (t2 / 90)))))))));
        return (sin, cos);
    }
}
