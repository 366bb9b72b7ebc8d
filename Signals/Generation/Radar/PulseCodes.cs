namespace CloudEdge.Signals.Generation.Radar;

/// <summary>
/// Phase codes and hopping sequences (N. Levanon, E. Mozeson, <i>Radar Signals</i>, Wiley 2004, ch. 6–7;
/// S. Golomb, H. Taylor, "Constructions and properties of Costas arrays", Proc. IEEE 72(9), 1984).
/// </summary>
internal static class PulseCodes
{
    /// <summary>Barker-13: + + + + + − − + + − + − +.</summary>
    public static ReadOnlySpan<int> Barker13 => [1, 1, 1, 1, 1, -1, -1, 1, 1, -1, 1, -1, 1];

    /// <summary>Welch Costas sequence for p = 7, primitive root 3: 3ⁱ mod 7, i = 1 … 6.</summary>
    public static ReadOnlySpan<int> Costas6 => [3, 2, 6, 4, 5, 1];

    /// <summary>Number of chips (or hops) of a coded modulation.</summary>
    public static int ChipCount(IntraPulseModulation modulation, int order) => modulation switch
    {
        IntraPulseModulation.Barker13 => 13,
        IntraPulseModulation.Frank => order * order,
        IntraPulseModulation.P4 => order,
        IntraPulseModulation.Costas => Costas6.Length,
        _ => 0,
    };

    /// <summary>Writes the chip phases (radians) of a phase code into <paramref name="phases"/>.</summary>
    public static void Phases(IntraPulseModulation modulation, int order, Span<double> phases)
    {
        switch (modulation)
        {
            case IntraPulseModulation.Barker13:
                for (var c = 0; c < 13; c++)
                {
                    phases[c] = Barker13[c] > 0 ? 0 : Math.PI;
                }

                break;
            case IntraPulseModulation.Frank:
                // φ(i, j) = 2π·i·j / M for chip c = i·M + j.
                for (var c = 0; c < order * order; c++)
                {
                    phases[c] = 2 * Math.PI * (c / order) * (c % order) / order;
                }

                break;
            case IntraPulseModulation.P4:
                // φ_c = π·c²/N − π·c, c = 0 … N − 1.
                for (var c = 0; c < order; c++)
                {
                    phases[c] = (Math.PI * c * c / order) - (Math.PI * c);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(modulation), modulation, "not a phase code");
        }
    }
}
