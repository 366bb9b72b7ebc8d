using System.Numerics;

namespace CloudEdge.Signals.Generation.Rml2016;

/// <summary>Symbol alphabets of the linear modulations, scaled to unit mean power.</summary>
internal static class Constellations
{
    public static readonly Complex[] Bpsk = [new(1, 0), new(-1, 0)];

    public static readonly Complex[] Qpsk = Psk(4, Math.PI / 4);

    public static readonly Complex[] Psk8 = Psk(8, 0);

    public static readonly Complex[] Qam16 = SquareQam(4);

    public static readonly Complex[] Qam64 = SquareQam(8);

    public static Complex[] For(Rml2016Modulation modulation) => modulation switch
    {
        Rml2016Modulation.Bpsk => Bpsk,
        Rml2016Modulation.Qpsk => Qpsk,
        Rml2016Modulation.Psk8 => Psk8,
        Rml2016Modulation.Qam16 => Qam16,
        Rml2016Modulation.Qam64 => Qam64,
        _ => throw new ArgumentOutOfRangeException(nameof(modulation), modulation, "not a linear modulation"),
    };

    private static Complex[] Psk(int m, double offset) =>
        Enumerable.Range(0, m).Select(k => Complex.FromPolarCoordinates(1, offset + (2 * Math.PI * k / m))).ToArray();

    private static Complex[] SquareQam(int side)
    {
        var points = new Complex[side * side];
        var power = 0.0;
        for (var i = 0; i < side; i++)
        {
            for (var q = 0; q < side; q++)
            {
                var p = new Complex((2 * i) - side + 1, (2 * q) - side + 1);
                points[(i * side) + q] = p;
                power += p.Real * p.Real + p.Imaginary * p.Imaginary;
            }
        }

        var scale = 1 / Math.Sqrt(power / points.Length);
        for (var k = 0; k < points.Length; k++)
        {
            points[k] *= scale;
        }

        return points;
    }
}
