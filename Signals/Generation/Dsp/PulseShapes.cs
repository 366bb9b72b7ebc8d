using System.Collections.Concurrent;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// Pulse shapes of the digital modulations, built once and cached: root-raised-cosine pulses (unit energy,
/// truncated to ±<see cref="RrcHalfSpan"/> symbols, roll-off quantised to 0.01) and the GMSK phase pulse.
/// </summary>
internal static class PulseShapes
{
    /// <summary>Half-length of the RRC pulse in symbols (GNU Radio's generic modulator uses 11 symbols in all).</summary>
    public const int RrcHalfSpan = 6;

    /// <summary>Half-length of the GMSK phase-pulse transition in symbols (the Gaussian tail beyond is below 10⁻⁹).</summary>
    public const int GmskHalfSpan = 3;

    private const int PointsPerSymbol = 256;

    private static readonly ConcurrentDictionary<int, PulseTable> RrcCache = new();
    private static readonly ConcurrentDictionary<int, PulseTable> GmskCache = new();

    /// <summary>The unit-energy RRC pulse for <paramref name="rollOff"/> (quantised to 0.01).</summary>
    public static PulseTable RootRaisedCosine(double rollOff)
    {
        var key = (int)Math.Round(Math.Clamp(rollOff, 0.01, 1.0) * 100);
        return RrcCache.GetOrAdd(key, static k => BuildRrc(k / 100.0));
    }

    /// <summary>
    /// The GMSK phase pulse q(t) for time-bandwidth product <paramref name="bt"/> (quantised to 0.01):
    /// the integral of the Gaussian-filtered rectangular frequency pulse, rising from 0 to 1 around t = 0.
    /// A symbol b ∈ {±1} advances the carrier phase by π·h·b·q(t − k).
    /// </summary>
    public static PulseTable GmskPhase(double bt)
    {
        var key = (int)Math.Round(Math.Clamp(bt, 0.05, 2.0) * 100);
        return GmskCache.GetOrAdd(key, static k => BuildGmskPhase(k / 100.0));
    }

    /// <summary>The RRC impulse response at time <paramref name="t"/> (symbols), unit energy before truncation.</summary>
    public static double Rrc(double t, double a)
    {
        if (Math.Abs(t) < 1e-9)
        {
            return 1 - a + (4 * a / Math.PI);
        }

        if (Math.Abs(Math.Abs(t) - (1 / (4 * a))) < 1e-9)
        {
            var x = Math.PI / (4 * a);
            return a / Math.Sqrt(2) * (((1 + (2 / Math.PI)) * Math.Sin(x)) + ((1 - (2 / Math.PI)) * Math.Cos(x)));
        }

        var num = Math.Sin(Math.PI * t * (1 - a)) + (4 * a * t * Math.Cos(Math.PI * t * (1 + a)));
        var den = Math.PI * t * (1 - ((4 * a * t) * (4 * a * t)));
        return num / den;
    }

    private static PulseTable BuildRrc(double a)
    {
        var table = new PulseTable(RrcHalfSpan, PointsPerSymbol, t => Rrc(t, a));
        var energy = 0.0;
        var v = table.Values;
        for (var i = 0; i < v.Length - 1; i++)
        {
            energy += v[i] * v[i];
        }

        energy /= PointsPerSymbol;
        return table.Scaled(1 / Math.Sqrt(energy));
    }

    private static PulseTable BuildGmskPhase(double bt)
    {
        // Frequency pulse g(t) = Φ((t + 1/2)/σ) − Φ((t − 1/2)/σ), σ = √(ln 2) / (2π·BT): a rectangle of one symbol
        // through a Gaussian filter of 3-dB bandwidth B. q is its running integral, normalised to end at 1.
        var sigma = Math.Sqrt(Math.Log(2)) / (2 * Math.PI * bt);
        var n = (2 * GmskHalfSpan * PointsPerSymbol) + 1;
        var q = new double[n];
        var dt = 1.0 / PointsPerSymbol;
        var previous = 0.0;
        for (var i = 0; i < n; i++)
        {
            var t = (i * dt) - GmskHalfSpan;
            var g = NormalCdf((t + 0.5) / sigma) - NormalCdf((t - 0.5) / sigma);
            q[i] = i == 0 ? 0 : q[i - 1] + (0.5 * (g + previous) * dt);
            previous = g;
        }

        var end = q[n - 1];
        return new PulseTable(GmskHalfSpan, PointsPerSymbol, t => q[(int)Math.Round((t + GmskHalfSpan) * PointsPerSymbol)] / end, below: 0, above: 1);
    }

    /// <summary>Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2·10⁻⁷).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        ReadOnlySpan<double> c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
