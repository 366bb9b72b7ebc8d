namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// Tables of the ziggurat method for standard normal deviates (G. Marsaglia, W. W. Tsang, "The ziggurat method
/// for generating random variables", J. Stat. Softw. 5(8), 2000; 128 layers). The layer index is taken from
/// bits independent of the value bits, which removes the correlation J. Doornik (2005) pointed out.
/// </summary>
internal static class Ziggurat
{
    public const double R = 3.442619855899;

    private const double Area = 9.91256303526217e-3;
    private const double M1 = 2147483648.0;

    private static readonly (uint[] K, double[] W, double[] F) Tables = Build();

    /// <summary>Acceptance thresholds of the layers (31-bit scale).</summary>
    public static readonly uint[] K = Tables.K;

    /// <summary>Layer widths divided by 2³¹.</summary>
    public static readonly double[] W = Tables.W;

    /// <summary>Density at the layer edges.</summary>
    public static readonly double[] F = Tables.F;

    private static (uint[] K, double[] W, double[] F) Build()
    {
        var k = new uint[128];
        var w = new double[128];
        var f = new double[128];
        var dn = R;
        var tn = dn;
        var q = Area / Math.Exp(-0.5 * dn * dn);
        k[0] = (uint)(dn / q * M1);
        k[1] = 0;
        w[0] = q / M1;
        w[127] = dn / M1;
        f[0] = 1;
        f[127] = Math.Exp(-0.5 * dn * dn);
        for (var i = 126; i >= 1; i--)
        {
            dn = Math.Sqrt(-2 * Math.Log((Area / dn) + Math.Exp(-0.5 * dn * dn)));
            k[i + 1] = (uint)(dn / tn * M1);
            tn = dn;
            f[i] = Math.Exp(-0.5 * dn * dn);
            w[i] = dn / M1;
        }

        return (k, w, f);
    }
}
