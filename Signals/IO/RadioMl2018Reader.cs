using CloudEdge.Signals.Data;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Imports a RadioML 2018.01a HDF5 file (<c>GOLD_XYZ_OSC.0001_1024.hdf5</c> layout): <c>X</c> float32
/// <c>[N, L, 2]</c> (transposed to <c>[N, 2, L]</c>), <c>Y</c> one-hot <c>[N, C]</c>, <c>Z</c> SNR <c>[N, 1]</c>.
/// The file is read in row blocks (hyperslabs): only the selected classes' rows end up in memory, so a
/// multi-GB file need not fit. Samples keep the file's row order within each class; classes are ordered
/// as requested, else as their columns (catalog order when they are exactly a catalog dataset's classes).
/// </summary>
public static class RadioMl2018Reader
{
    private const long DefaultBlockElements = 1 << 22;

    /// <summary>
    /// Loads the file. <paramref name="columnOrder"/> names the columns of <c>Y</c> (default: the paper's order);
    /// <paramref name="classes"/> selects (and orders) a subset (default: every class with samples in the file).
    /// </summary>
    public static SignalDataset Load(string path, IReadOnlyList<string>? columnOrder = null, IReadOnlyList<string>? classes = null) =>
        Load(path, columnOrder, classes, DefaultBlockElements);

    /// <summary>As the public overload, reading at most about <paramref name="blockElements"/> values per hyperslab.</summary>
    internal static SignalDataset Load(string path, IReadOnlyList<string>? columnOrder, IReadOnlyList<string>? classes, long blockElements)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not FileNotFoundException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: not a readable HDF5 file: {OneLine(e)}");
        }

        using (file)
        {
            try
            {
                return Read(file, path, columnOrder ?? RadioMl2018Classes.PaperOrder, classes, blockElements);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InvalidDataException and not ArgumentException and not IOException)
            {
                throw new InvalidDataException($"{path}: corrupt, truncated or unsupported HDF5 content: {OneLine(e)}");
            }
            catch (IOException e) when (e is EndOfStreamException)
            {
                throw new InvalidDataException($"{path}: truncated HDF5 file: {OneLine(e)}");
            }
        }
    }

    private static SignalDataset Read(NativeFile file, string path, IReadOnlyList<string> columns, IReadOnlyList<string>? classes, long blockElements)
    {
        var xSet = Open(file, "X", path);
        var ySet = Open(file, "Y", path);
        var zSet = Open(file, "Z", path);
        var xDims = xSet.Space.Dimensions;
        var yDims = ySet.Space.Dimensions;
        var zDims = zSet.Space.Dimensions;
        if (xDims.Length != 3 || xDims[2] != 2 || xDims[1] < 1)
        {
            throw new InvalidDataException($"{path}: X has shape ({string.Join(", ", xDims)}); expected [N, L, 2]");
        }

        var n = (long)xDims[0];
        var length = checked((int)xDims[1]);
        if (yDims.Length != 2 || (long)yDims[0] != n)
        {
            throw new InvalidDataException($"{path}: Y has shape ({string.Join(", ", yDims)}); expected [{n}, classes] to match X");
        }

        if (!(zDims.Length == 1 || (zDims.Length == 2 && zDims[1] == 1)) || (long)zDims[0] != n)
        {
            throw new InvalidDataException($"{path}: Z has shape ({string.Join(", ", zDims)}); expected [{n}, 1] to match X");
        }

        var width = (int)yDims[1];
        if (width != columns.Count)
        {
            throw new ArgumentException($"{path}: Y has {width} columns but the class order lists {columns.Count} classes (--class-order)");
        }

        RequireNumeric(xSet, "X", path, floatOnly: true);
        RequireNumeric(ySet, "Y", path, floatOnly: false);
        RequireNumeric(zSet, "Z", path, floatOnly: false);

        var (labels, snrs) = ReadLabels(ySet, zSet, n, width, path, blockElements);
        var counts = new long[width];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var order = ChooseClasses(columns, counts, classes, path);
        var columnToClass = columns.Select(c => IndexOf(order, c)).ToArray();
        var rows = Enumerable.Range(0, (int)n).Where(r => columnToClass[labels[r]] >= 0).ToArray();
        var total = rows.LongLength;
        if (total * 2 * length > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: {total} samples of length {length} do not fit in one array; select fewer classes (--classes)");
        }

        // Destination position of each selected row: classes in order, file order within a class.
        var classStart = new long[order.Count];
        for (var k = 1; k < order.Count; k++)
        {
            classStart[k] = classStart[k - 1] + counts[IndexOf(columns, order[k - 1])];
        }

        var position = new long[rows.Length];
        var next = (long[])classStart.Clone();
        var y = new long[total];
        var snr = new int[total];
        for (var i = 0; i < rows.Length; i++)
        {
            var cls = columnToClass[labels[rows[i]]];
            position[i] = next[cls]++;
            y[position[i]] = cls;
            snr[position[i]] = snrs[rows[i]];
        }

        var x = new float[total * 2 * length];
        using (var direct = Hdf5ContiguousRows.TryOpen(path, xSet))
        {
            ReadSamples(xSet, direct, rows, position, length, x, blockElements);
        }

        DatasetChecks.RequireFinite(x, length, path);
        return new SignalDataset(x, y, snr, order.ToArray(), length, DatasetChecks.CatalogName(order));
    }

    private static IReadOnlyList<string> ChooseClasses(IReadOnlyList<string> columns, long[] counts, IReadOnlyList<string>? classes, string path)
    {
        if (classes is not null)
        {
            var resolved = DatasetClasses.Resolve(classes, columns, path);
            var empty = resolved.FirstOrDefault(c => counts[IndexOf(columns, c)] == 0);
            return empty is null ? resolved : throw new InvalidDataException($"{path}: class '{empty}' has no samples in the file");
        }

        var present = columns.Where((c, i) => counts[i] > 0).ToArray();
        if (present.Length == 0)
        {
            throw new InvalidDataException($"{path}: the file holds no samples");
        }

        return DatasetChecks.CatalogWithSameSet(present)?.Classes ?? present;
    }

    private static (int[] Labels, int[] Snr) ReadLabels(IH5Dataset ySet, IH5Dataset zSet, long n, int width, string path, long blockElements)
    {
        var labels = new int[n];
        var snr = new int[n];
        var block = Math.Max(1, blockElements / width);
        for (long start = 0; start < n; start += block)
        {
            var count = Math.Min(block, n - start);
            var onehot = ReadAsDouble(ySet, new HyperslabSelection(2, [(ulong)start, 0], [(ulong)count, (ulong)width]), count * width);
            for (var r = 0; r < count; r++)
            {
                var row = onehot.AsSpan((int)(r * width), width);
                var hot = -1;
                for (var c = 0; c < width; c++)
                {
                    if (row[c] == 0)
                    {
                        continue;
                    }

                    if (row[c] != 1 || hot >= 0)
                    {
                        throw new InvalidDataException($"{path}: row {start + r} of Y is not one-hot");
                    }

                    hot = c;
                }

                labels[start + r] = hot >= 0 ? hot : throw new InvalidDataException($"{path}: row {start + r} of Y is all zeros (not one-hot)");
            }

            var z = ReadAsDouble(zSet, zSet.Space.Dimensions.Length == 1
                ? new HyperslabSelection((ulong)start, (ulong)count)
                : new HyperslabSelection(2, [(ulong)start, 0], [(ulong)count, 1]), count);
            for (var r = 0; r < count; r++)
            {
                snr[start + r] = z[r] is >= int.MinValue and <= int.MaxValue && Math.Floor(z[r]) == z[r]
                    ? (int)z[r]
                    : throw new InvalidDataException($"{path}: SNR {z[r]} in row {start + r} of Z is not an integer");
            }
        }

        return (labels, snr);
    }

    private static void ReadSamples(IH5Dataset xSet, Hdf5ContiguousRows? direct, int[] rows, long[] position, int length, float[] x, long blockElements)
    {
        var sample = 2 * length;
        var block = (int)Math.Min(int.MaxValue, Math.Max(1, blockElements / sample));
        var rawBuffer = direct is null ? null : new float[(long)block * sample];
        var i = 0;
        while (i < rows.Length)
        {
            // A run of consecutive file rows, at most one block long.
            var j = i + 1;
            while (j < rows.Length && j - i < block && rows[j] == rows[j - 1] + 1)
            {
                j++;
            }

            var count = j - i;
            float[] buffer;
            if (direct is not null)
            {
                direct.Read(rows[i], count, rawBuffer);
                buffer = rawBuffer!;
            }
            else
            {
                var selection = new HyperslabSelection(3, [(ulong)rows[i], 0, 0], [(ulong)count, (ulong)length, 2]);
                buffer = xSet.Type.Size == 8
                    ? Array.ConvertAll(xSet.Read<double[]>(selection), v => (float)v)
                    : xSet.Read<float[]>(selection);
            }

            for (var k = 0; k < count; k++)
            {
                var dst = x.AsSpan((int)(position[i + k] * sample), sample);
                var src = buffer.AsSpan(k * sample, sample);
                for (var t = 0; t < length; t++)
                {
                    dst[t] = src[2 * t];
                    dst[length + t] = src[(2 * t) + 1];
                }
            }

            i = j;
        }
    }

    private static double[] ReadAsDouble(IH5Dataset set, Selection selection, long count)
    {
        var type = set.Type;
        double[] values = (type.Class, type.Size, type.Class == H5DataTypeClass.FixedPoint && type.FixedPoint.IsSigned) switch
        {
            (H5DataTypeClass.FloatingPoint, 8, _) => set.Read<double[]>(selection),
            (H5DataTypeClass.FloatingPoint, 4, _) => Array.ConvertAll(set.Read<float[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 8, true) => Array.ConvertAll(set.Read<long[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 8, false) => Array.ConvertAll(set.Read<ulong[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 4, true) => Array.ConvertAll(set.Read<int[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 4, false) => Array.ConvertAll(set.Read<uint[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 2, true) => Array.ConvertAll(set.Read<short[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 2, false) => Array.ConvertAll(set.Read<ushort[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 1, true) => Array.ConvertAll(set.Read<sbyte[]>(selection), v => (double)v),
            (H5DataTypeClass.FixedPoint, 1, false) => Array.ConvertAll(set.Read<byte[]>(selection), v => (double)v),
            _ => throw new InvalidOperationException("unsupported type"),
        };
        return values.LongLength == count ? values : throw new InvalidDataException($"read {values.LongLength} values where {count} were expected");
    }

    private static IH5Dataset Open(NativeFile file, string name, string path)
    {
        if (!file.LinkExists(name))
        {
            var found = string.Join(", ", file.Children().Select(c => c.Name));
            throw new InvalidDataException($"{path}: no dataset '{name}' (found: {found}); expected the RadioML 2018 layout X, Y, Z");
        }

        return file.Get(name) as IH5Dataset ?? throw new InvalidDataException($"{path}: '{name}' is not a dataset");
    }

    private static void RequireNumeric(IH5Dataset set, string name, string path, bool floatOnly)
    {
        var type = set.Type;
        var ok = type.Class == H5DataTypeClass.FloatingPoint
            ? type.Size is 4 or 8
            : !floatOnly && type.Class == H5DataTypeClass.FixedPoint && type.Size is 1 or 2 or 4 or 8;
        if (!ok)
        {
            throw new InvalidDataException($"{path}: {name} has HDF5 type {type.Class} of {type.Size} bytes; expected {(floatOnly ? "float32 or float64" : "an integer or float type")}");
        }
    }

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").Trim();

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
