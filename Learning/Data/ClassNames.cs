using System.Globalization;
using System.Text;

namespace CloudEdge.Learning.Data;

/// <summary>
/// Matches class names across sources: case, <c>-</c>, <c>_</c> and spaces are ignored, and RadioML's
/// order-first names are turned around (<c>QAM16</c> = <c>16QAM</c>, <c>PAM4</c> = <c>4PAM</c>).
/// </summary>
public static class ClassNames
{
    private static readonly string[] OrderFirstFamilies = ["APSK", "QAM", "PSK", "ASK", "PAM", "FSK"];

    /// <summary>The form two names are compared in.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Trim())
        {
            if (ch is not ('-' or '_' or ' '))
            {
                builder.Append(char.ToUpperInvariant(ch));
            }
        }

        var canonical = builder.ToString();
        foreach (var family in OrderFirstFamilies)
        {
            if (canonical.Length > family.Length
                && canonical.StartsWith(family, StringComparison.Ordinal)
                && int.TryParse(canonical.AsSpan(family.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var order))
            {
                return order.ToString(CultureInfo.InvariantCulture) + family;
            }
        }

        return canonical;
    }

    /// <summary>True when the two names denote the same class.</summary>
    public static bool Same(string a, string b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);
}
