using System.Numerics;
using System.Runtime.InteropServices;
using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.IO;

/// <summary>Checks shared by the dataset readers.</summary>
internal static class DatasetChecks
{
    /// <summary>Throws a one-line <see cref="InvalidDataException"/> when X holds NaN or ±Inf.</summary>
    public static void RequireFinite(ReadOnlySpan<float> x, int length, string source)
    {
        var bits = MemoryMarshal.Cast<float, int>(x);
        var mask = new Vector<int>(0x7F800000);
        var i = 0;
        var found = -1;
        for (; i <= bits.Length - Vector<int>.Count; i += Vector<int>.Count)
        {
            if (Vector.EqualsAny(new Vector<int>(bits.Slice(i, Vector<int>.Count)) & mask, mask))
            {
                found = i;
                break;
            }
        }

        if (found < 0 && i < bits.Length)
        {
            found = i;
        }

        if (found < 0)
        {
            return;
        }

        for (var k = found; k < x.Length; k++)
        {
            if (!float.IsFinite(x[k]))
            {
                var what = float.IsNaN(x[k]) ? "NaN" : "an infinite value";
                throw new InvalidDataException($"{source}: X holds {what} (sample {k / (2 * length)}, {(k / length % 2 == 0 ? "I" : "Q")}[{k % length}])");
            }
        }
    }

    /// <summary>The catalog dataset id whose class list equals <paramref name="classes"/> (same order), else null.</summary>
    public static string? CatalogName(IReadOnlyList<string> classes) =>
        DatasetCatalog.All.FirstOrDefault(d => d.Classes.SequenceEqual(classes, StringComparer.Ordinal))?.Id;

    /// <summary>The catalog dataset whose classes are the same set as <paramref name="classes"/>, else null.</summary>
    public static DatasetInfo? CatalogWithSameSet(IReadOnlyCollection<string> classes) =>
        DatasetCatalog.All.FirstOrDefault(d => d.Classes.Count == classes.Count && d.Classes.All(c => classes.Contains(c, StringComparer.Ordinal)));
}
