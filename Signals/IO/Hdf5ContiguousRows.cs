using System.Runtime.InteropServices;
using PureHDF;
using PureHDF.Selections;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Fast row reads of a contiguous, uncompressed float32 HDF5 dataset <c>[N, …]</c>. PureHDF 2.2 walks a hyperslab
/// in steps of the last dimension (2 floats for RadioML 2018's <c>X</c>), about 10 MB/s, which would take
/// half an hour for the 20 GB file. Contiguous storage is one block of C-ordered rows, so once its start is
/// known rows can be read straight from the file. PureHDF does not expose the storage address; it is found by
/// locating the bytes of row 0 (as PureHDF decodes it) in the file and accepted only if rows 0, N/2 and N−1
/// at that address equal PureHDF's values. Anything else (chunked, filtered, big-endian, not found) returns
/// null and the caller keeps using PureHDF.
/// </summary>
internal sealed class Hdf5ContiguousRows : IDisposable
{
    private const int ScanBlock = 8 << 20;
    private const int MaxCandidates = 4096;
    private readonly FileStream _file;
    private readonly long _address;
    private readonly int _rowFloats;

    private Hdf5ContiguousRows(FileStream file, long address, int rowFloats)
    {
        _file = file;
        _address = address;
        _rowFloats = rowFloats;
    }

    /// <summary>Locates the rows of <paramref name="set"/> in <paramref name="path"/>, or returns null.</summary>
    public static Hdf5ContiguousRows? TryOpen(string path, IH5Dataset set)
    {
        var dims = set.Space.Dimensions;
        if (set.Layout.Class != H5DataLayoutClass.Contiguous || set.Type.Class != H5DataTypeClass.FloatingPoint || set.Type.Size != 4
            || dims.Length < 2 || dims[0] == 0 || !BitConverter.IsLittleEndian)
        {
            return null;
        }

        var rowFloats = dims.Skip(1).Aggregate(1UL, (a, d) => a * d);
        if (rowFloats is 0 or > 1 << 24)
        {
            return null;
        }

        var rows = (long)dims[0];
        var rowBytes = (long)rowFloats * 4;
        var first = Row(set, 0);
        var middle = Row(set, rows / 2);
        var last = Row(set, rows - 1);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var address = Find(file, first, candidate =>
                candidate + (rows * rowBytes) <= file.Length
                && Matches(file, candidate, first)
                && Matches(file, candidate + (rows / 2 * rowBytes), middle)
                && Matches(file, candidate + ((rows - 1) * rowBytes), last));
            if (address >= 0)
            {
                return new Hdf5ContiguousRows(file, address, (int)rowFloats);
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }

        file.Dispose();
        return null;
    }

    /// <summary>Reads rows [<paramref name="start"/>, start + count) into <paramref name="buffer"/>.</summary>
    public void Read(long start, int count, Span<float> buffer)
    {
        _file.Position = _address + (start * _rowFloats * 4);
        var floats = (long)count * _rowFloats;
        for (long done = 0; done < floats;)
        {
            var chunk = (int)Math.Min(floats - done, 1 << 20);
            _file.ReadExactly(MemoryMarshal.AsBytes(buffer.Slice((int)done, chunk)));
            done += chunk;
        }
    }

    public void Dispose() => _file.Dispose();

    private static byte[] Row(IH5Dataset set, long row)
    {
        var dims = set.Space.Dimensions;
        var starts = new ulong[dims.Length];
        starts[0] = (ulong)row;
        var blocks = (ulong[])dims.Clone();
        blocks[0] = 1;
        return MemoryMarshal.AsBytes(set.Read<float[]>(new HyperslabSelection(dims.Length, starts, blocks)).AsSpan()).ToArray();
    }

    private static bool Matches(FileStream file, long offset, byte[] expected)
    {
        if (offset < 0 || offset + expected.Length > file.Length)
        {
            return false;
        }

        var actual = new byte[expected.Length];
        file.Position = offset;
        file.ReadExactly(actual);
        return actual.AsSpan().SequenceEqual(expected);
    }

    /// <summary>The first offset where <paramref name="row"/>'s leading bytes occur and <paramref name="accept"/> agrees; -1 if none.</summary>
    private static long Find(FileStream file, byte[] row, Func<long, bool> accept)
    {
        var pattern = row.AsSpan(0, Math.Min(row.Length, 256)).ToArray();
        var buffer = new byte[ScanBlock + pattern.Length];
        var candidates = 0;
        for (long blockStart = 0; blockStart < file.Length; blockStart += ScanBlock)
        {
            file.Position = blockStart;
            var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var span = buffer.AsSpan(0, read);
            var from = 0;
            while (from < Math.Min(read, ScanBlock))
            {
                var hit = span[from..].IndexOf(pattern);
                if (hit < 0 || from + hit >= ScanBlock)
                {
                    break;
                }

                var candidate = blockStart + from + hit;
                if (++candidates > MaxCandidates)
                {
                    return -1;
                }

                var position = file.Position;
                if (accept(candidate))
                {
                    return candidate;
                }

                file.Position = position;
                from += hit + 1;
            }
        }

        return -1;
    }
}
