using System.Collections;
using System.Globalization;
using System.Reflection;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO.Pickle;
using Razorvine.Pickle;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Imports a RadioML 2016 pickle (<c>RML2016.10a_dict.pkl</c> layout): a dict
/// <c>{(mod, snr): ndarray float32 [N, 2, L]}</c>, written by Python 2 cPickle or by Python 3 at any protocol
/// 0–5 (numpy 1 or numpy 2 module names). Mod names are mapped to the project's (<see cref="RadioMlNames"/>).
/// Samples are ordered by class, then SNR, then their position in the pickle's array.
/// </summary>
public static class RadioMl2016Reader
{
    /// <summary>
    /// Loads the pickle. <paramref name="classes"/> selects (and orders) a subset; by default all classes found,
    /// in the catalog order when they are exactly a catalog dataset's classes (e.g. rml2016's six), else sorted.
    /// </summary>
    public static SignalDataset Load(string path, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var entries = ReadEntries(path);
        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{path}: the pickled dict is empty");
        }

        var found = entries.Select(e => e.Mod).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> order;
        if (classes is not null)
        {
            order = DatasetClasses.Resolve(classes, found, path);
        }
        else
        {
            order = DatasetChecks.CatalogWithSameSet(found)?.Classes ?? found;
        }

        var length = entries[0].Array.Shape[2];
        var selected = entries
            .Where(e => order.Contains(e.Mod, StringComparer.Ordinal))
            .OrderBy(e => IndexOf(order, e.Mod))
            .ThenBy(e => e.Snr)
            .ToList();
        var total = selected.Sum(e => e.Array.Shape[0]);
        var sampleSize = 2 * length;
        if (total * sampleSize > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: {total} samples of length {length} do not fit in one array; select fewer classes");
        }

        var x = new float[total * sampleSize];
        var y = new long[total];
        var snr = new int[total];
        long at = 0;
        foreach (var entry in selected)
        {
            var data = entry.Array.ToSingle($"{path}: ({entry.RawMod}, {entry.Snr})");
            data.CopyTo(x, at * sampleSize);
            var n = entry.Array.Shape[0];
            Array.Fill(y, IndexOf(order, entry.Mod), (int)at, (int)n);
            Array.Fill(snr, entry.Snr, (int)at, (int)n);
            at += n;
        }

        DatasetChecks.RequireFinite(x, (int)length, path);
        return new SignalDataset(x, y, snr, order.ToArray(), (int)length, DatasetChecks.CatalogName(order));
    }

    private sealed record Entry(string RawMod, string Mod, int Snr, NpyArray Array);

    private static List<Entry> ReadEntries(string path)
    {
        NumpyConstructors.Register();
        object root;
        try
        {
            using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
            using var unpickler = new Unpickler();
            root = unpickler.load(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not FileNotFoundException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: not a readable RadioML pickle: {Innermost(e)}");
        }

        if (root is not Hashtable dict)
        {
            throw new InvalidDataException($"{path}: the pickle holds a {Describe(root)}, not a dict {{(mod, snr): array}}");
        }

        var items = new List<(string Mod, int Snr, object? Value)>(dict.Count);
        foreach (DictionaryEntry item in dict)
        {
            var mod = item.Key is object[] { Length: 2 } k
                ? k[0] switch { string s => s, byte[] b => System.Text.Encoding.Latin1.GetString(b), _ => null }
                : null;
            if (mod is null || item.Key is not object[] key)
            {
                throw new InvalidDataException($"{path}: dict key {Describe(item.Key)} is not a (mod, snr) tuple");
            }

            var snr = key[1] switch
            {
                int i => i,
                long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                double d when Math.Floor(d) == d && Math.Abs(d) < 1e6 => (int)d,
                var other => throw new InvalidDataException($"{path}: SNR {Describe(other)} of key ({mod}, ...) is not an integer"),
            };
            items.Add((mod, snr, item.Value));
        }

        // The dict's order is arbitrary: validate in key order so that messages are reproducible.
        items.Sort((a, b) => string.CompareOrdinal(a.Mod, b.Mod) != 0 ? string.CompareOrdinal(a.Mod, b.Mod) : a.Snr.CompareTo(b.Snr));
        var entries = new List<Entry>(items.Count);
        long length = -1;
        foreach (var (mod, snr, value) in items)
        {
            var label = $"({mod}, {snr.ToString(CultureInfo.InvariantCulture)})";
            if (value is not PickledNdArray { Array: { } array })
            {
                throw new InvalidDataException($"{path}: value of key {label} is a {Describe(value)}, not a numpy array");
            }

            if (array.Rank != 3 || array.Shape[1] != 2 || array.Shape[2] < 1)
            {
                throw new InvalidDataException($"{path}: array of key {label} has shape {array.ShapeText}; expected [N, 2, L]");
            }

            if (length >= 0 && array.Shape[2] != length)
            {
                throw new InvalidDataException($"{path}: array of key {label} has length {array.Shape[2]} but others have {length}");
            }

            length = array.Shape[2];
            if (array.ElementType != typeof(float) && array.ElementType != typeof(double) && array.ElementType != typeof(Half))
            {
                throw new InvalidDataException($"{path}: array of key {label} has dtype {array.Descr}; expected float32");
            }

            entries.Add(new Entry(mod, RadioMlNames.ToProjectName(mod), snr, array));
        }

        var clash = entries.GroupBy(e => (e.Mod, e.Snr)).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? entries
            : throw new InvalidDataException($"{path}: keys {string.Join(" and ", clash.Select(e => e.RawMod))} both map to class {clash.Key.Mod} at SNR {clash.Key.Snr}");
    }

    private static string Innermost(Exception e)
    {
        var message = e.Message;
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is not TargetInvocationException)
            {
                message = inner.Message;
            }
        }

        return message.ReplaceLineEndings(" ").Trim();
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        object[] tuple => $"tuple of {tuple.Length}",
        Hashtable => "dict",
        ArrayList => "list",
        _ => value.GetType().Name,
    };

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
