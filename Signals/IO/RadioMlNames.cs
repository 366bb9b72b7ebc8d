namespace CloudEdge.Signals.IO;

/// <summary>
/// Maps RadioML class names to the project's (DESIGN.md §4): <c>QAM16</c> → <c>16QAM</c>,
/// <c>QAM64</c> → <c>64QAM</c>, <c>PAM4</c> → <c>4PAM</c>; every other name (8PSK, BPSK, QPSK, GMSK,
/// CPFSK, GFSK, AM-DSB, AM-SSB, WBFM and the RadioML 2018 names) is already the project's spelling.
/// </summary>
public static class RadioMlNames
{
    private static readonly Dictionary<string, string> Renames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QAM16"] = "16QAM",
        ["QAM64"] = "64QAM",
        ["PAM4"] = "4PAM",
    };

    /// <summary>The project's name for a RadioML class name.</summary>
    public static string ToProjectName(string radioMlName)
    {
        ArgumentNullException.ThrowIfNull(radioMlName);
        var trimmed = radioMlName.Trim();
        return Renames.TryGetValue(trimmed, out var name) ? name : trimmed;
    }

    /// <summary>
    /// Finds <paramref name="requested"/> among <paramref name="known"/>: exactly, then after the RadioML
    /// renaming, then ignoring case; null when absent.
    /// </summary>
    public static string? Match(string requested, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(known);
        var list = known as IReadOnlyCollection<string> ?? known.ToArray();
        var wanted = requested.Trim();
        var mapped = ToProjectName(wanted);
        return list.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.Ordinal))
            ?? list.FirstOrDefault(k => string.Equals(k, mapped, StringComparison.Ordinal))
            ?? list.FirstOrDefault(k => string.Equals(k, mapped, StringComparison.OrdinalIgnoreCase));
    }
}
