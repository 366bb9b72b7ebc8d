using System.Text.RegularExpressions;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Column order of the one-hot <c>Y</c> of a RadioML 2018.01a file. The default is the paper's order
/// (DESIGN.md §4); the <c>classes.txt</c> shipped with the data set is known not to match, so the order is
/// overridable with a list or a file.
/// </summary>
public static partial class RadioMl2018Classes
{
    /// <summary>The 24 classes in the order of the paper (O'Shea, Roy, Clancy 2018).</summary>
    public static IReadOnlyList<string> PaperOrder { get; } =
    [
        "OOK", "4ASK", "8ASK", "BPSK", "QPSK", "8PSK", "16PSK", "32PSK", "16APSK", "32APSK", "64APSK", "128APSK",
        "16QAM", "32QAM", "64QAM", "128QAM", "256QAM", "AM-SSB-WC", "AM-SSB-SC", "AM-DSB-WC", "AM-DSB-SC", "FM", "GMSK", "OQPSK",
    ];

    /// <summary>
    /// Parses a class order given as a comma-separated list or as a file: one name per line, a comma list,
    /// or a Python list literal such as the shipped <c>classes = ['32PSK', '16APSK', ...]</c>.
    /// Throws a one-line <see cref="ArgumentException"/> for an empty list or repeated names.
    /// </summary>
    public static IReadOnlyList<string> Parse(string listOrPath)
    {
        ArgumentNullException.ThrowIfNull(listOrPath);
        var fromFile = File.Exists(listOrPath);
        var text = fromFile ? File.ReadAllText(listOrPath) : listOrPath;
        var what = fromFile ? $"--class-order file {listOrPath}" : "--class-order";
        var quoted = QuotedName().Matches(text);
        var names = quoted.Count > 0
            ? quoted.Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList()
            : text.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(n => !n.StartsWith('#')).ToList();
        names = names.Select(n => RadioMlNames.ToProjectName(n.Trim())).ToList();
        if (names.Count == 0 || names.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"{what}: no class names found");
        }

        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? names : throw new ArgumentException($"{what}: class '{duplicate.Key}' is listed twice");
    }

    [GeneratedRegex("'([^']*)'|\"([^\"]*)\"")]
    private static partial Regex QuotedName();
}
