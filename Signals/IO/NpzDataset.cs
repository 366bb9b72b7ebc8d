using System.Globalization;
using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Reads and writes datasets as NPZ (DESIGN.md §4): <c>X</c> float32 <c>[N, 2, L]</c>, <c>y</c> int64 <c>[N]</c>,
/// <c>snr</c> int32 <c>[N]</c> (absent: unknown), <c>classes</c> unicode <c>[K]</c> and, when known, <c>name</c>
/// (0-d unicode: the dataset id). Files written by numpy are read as well (<c>np.savez</c>,
/// <c>np.savez_compressed</c>; float64 X and any integer y / snr are converted).
/// </summary>
public static class NpzDataset
{
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal) { "X", "y", "snr", "classes", "name" };

    /// <summary>Writes the dataset atomically (temporary file, then rename).</summary>
    public static void Save(SignalDataset dataset, string path) => Save(dataset, path, compress: false);

    /// <summary>Writes the dataset atomically; deflated like <c>np.savez_compressed</c> when <paramref name="compress"/>.</summary>
    public static void Save(SignalDataset dataset, string path, bool compress)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(path);
        var arrays = new List<KeyValuePair<string, NpyArray>>
        {
            new("X", new NpyArray(dataset.X, [dataset.Count, 2, dataset.Length])),
            new("y", new NpyArray(dataset.Y)),
        };
        if (dataset.Snr is not null)
        {
            arrays.Add(new("snr", new NpyArray(dataset.Snr)));
        }

        arrays.Add(new("classes", new NpyArray(dataset.Classes.ToArray())));
        if (dataset.Name is not null)
        {
            arrays.Add(new("name", new NpyArray(new[] { dataset.Name }, [])));
        }

        NpzArchive.Write(path, arrays, compress);
    }

    /// <summary>
    /// Reads an NPZ written by this project or by numpy. Bad files end in <see cref="FileNotFoundException"/>
    /// or a one-line <see cref="InvalidDataException"/> naming the file and the problem. Without a
    /// <c>classes</c> array the classes are named <c>0 … K−1</c>.
    /// </summary>
    public static SignalDataset Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var arrays = NpzArchive.Read(path, Members.Contains);
        if (!arrays.TryGetValue("X", out var xArray))
        {
            throw Bad(path, $"no array 'X' (found: {Found(path)})");
        }

        if (!arrays.TryGetValue("y", out var yArray))
        {
            throw Bad(path, $"no array 'y' (found: {Found(path)})");
        }

        if (xArray.Rank != 3 || xArray.Shape[1] != 2 || xArray.Shape[2] < 1)
        {
            throw Bad(path, $"X has shape {xArray.ShapeText}; expected [N, 2, L] with L >= 1");
        }

        var n = xArray.Shape[0];
        var length = checked((int)xArray.Shape[2]);
        if (yArray.Rank != 1 || yArray.Shape[0] != n)
        {
            throw Bad(path, $"y has shape {yArray.ShapeText}; expected ({n},) to match X {xArray.ShapeText}");
        }

        var x = xArray.ToSingle($"{path}: X");
        var y = yArray.ToInt64($"{path}: y");
        int[]? snr = null;
        if (arrays.TryGetValue("snr", out var snrArray))
        {
            if (snrArray.Rank != 1 || snrArray.Shape[0] != n)
            {
                throw Bad(path, $"snr has shape {snrArray.ShapeText}; expected ({n},) to match X {xArray.ShapeText}");
            }

            snr = snrArray.ToInt32($"{path}: snr");
        }

        var classes = arrays.TryGetValue("classes", out var classArray) ? ReadClasses(path, classArray) : DefaultClasses(y);
        var bad = Array.FindIndex(y, label => label < 0 || label >= classes.Length);
        if (bad >= 0)
        {
            throw Bad(path, $"label {y[bad]} of sample {bad} is outside the {classes.Length} classes");
        }

        DatasetChecks.RequireFinite(x, length, path);
        var name = arrays.TryGetValue("name", out var nameArray) ? ReadName(path, nameArray) : DatasetChecks.CatalogName(classes);
        return new SignalDataset(x, y, snr, classes, length, name);
    }

    private static string[] ReadClasses(string path, NpyArray array)
    {
        if (array.Rank != 1)
        {
            throw Bad(path, $"classes has shape {array.ShapeText}; expected one dimension");
        }

        var classes = array.ToStrings($"{path}: classes");
        var empty = Array.FindIndex(classes, string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            throw Bad(path, $"class name {empty} is empty");
        }

        var duplicate = classes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? classes : throw Bad(path, $"class name '{duplicate.Key}' appears twice");
    }

    private static string[] DefaultClasses(long[] y)
    {
        var count = y.Length == 0 ? 0 : y.Max() + 1;
        if (count > 1 << 16)
        {
            throw new InvalidDataException($"labels reach {count - 1} but there is no 'classes' array");
        }

        return Enumerable.Range(0, (int)Math.Max(0, count)).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static string? ReadName(string path, NpyArray array)
    {
        var names = array.ToStrings($"{path}: name");
        return array.Rank == 0 && names.Length == 1 ? names[0] : throw Bad(path, $"name has shape {array.ShapeText}; expected a 0-d string");
    }

    private static string Found(string path) => string.Join(", ", NpzArchive.Names(path));

    private static InvalidDataException Bad(string path, string problem) => new($"{path}: {problem}");
}
