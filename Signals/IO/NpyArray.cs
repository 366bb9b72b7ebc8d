using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudEdge.Signals.IO;

/// <summary>
/// One n-dimensional array in numpy's <c>.npy</c> format (versions 1.0, 2.0 and 3.0 are read; 1.0 is
/// written unless the header needs 2.0), held in C order as a one-dimensional .NET array of
/// bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double or string
/// (numpy <c>U</c> / <c>S</c> strings, trailing NULs removed).
/// Fortran-ordered and big-endian files are converted on reading; other dtypes (object, complex,
/// structured) are rejected with <see cref="InvalidDataException"/>.
/// </summary>
public sealed class NpyArray
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private const int ChunkBytes = 1 << 20;

    /// <summary>Wraps <paramref name="data"/> (C order) with the given shape (default: one dimension).</summary>
    public NpyArray(Array data, IReadOnlyList<long>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rank != 1)
        {
            throw new ArgumentException("data must be a one-dimensional array in C order", nameof(data));
        }

        var elementType = data.GetType().GetElementType()!;
        _ = NpyDType.For(elementType);
        var dims = shape?.ToArray() ?? [data.LongLength];
        if (dims.Any(d => d < 0))
        {
            throw new ArgumentException("shape entries must not be negative", nameof(shape));
        }

        var count = dims.Aggregate(1L, (a, d) => checked(a * d));
        if (count != data.LongLength)
        {
            throw new ArgumentException($"shape ({string.Join(", ", dims)}) holds {count} elements but data has {data.LongLength}", nameof(shape));
        }

        Data = data;
        Shape = dims;
    }

    /// <summary>The elements in C order.</summary>
    public Array Data { get; }

    /// <summary>The dimensions; empty for a 0-d (scalar) array.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The .NET element type of <see cref="Data"/>.</summary>
    public Type ElementType => Data.GetType().GetElementType()!;

    /// <summary>The numpy descr this array is written with, e.g. <c>&lt;f4</c>.</summary>
    public string Descr => DType.Descr;

    public int Rank => Shape.Count;

    private NpyDType DType => ElementType == typeof(string)
        ? NpyDType.For(typeof(string), ((string[])Data).Select(s => s?.EnumerateRunes().Count() ?? 0).DefaultIfEmpty(1).Max())
        : NpyDType.For(ElementType);

    /// <summary>The shape as numpy prints it, e.g. <c>(3, 2, 128)</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Reads a <c>.npy</c> file.</summary>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path, stream.Length);
    }

    /// <summary>
    /// Reads one array from <paramref name="stream"/>; <paramref name="source"/> names it in error messages;
    /// <paramref name="availableBytes"/>, when known, bounds the data size a header may claim.
    /// </summary>
    public static NpyArray Read(Stream stream, string source, long? availableBytes = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return ReadCore(stream, source, availableBytes);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{source}: truncated .npy data");
        }
    }

    /// <summary>Writes the array in .npy format (version 1.0, or 2.0 when the header is too long).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var dtype = DType;
        var header = HeaderBytes(dtype);
        stream.Write(header);
        switch (Data)
        {
            case string[] strings:
                WriteStrings(stream, strings, dtype.Chars);
                break;
            case bool[] a: WriteNumeric<bool>(stream, a); break;
            case sbyte[] a: WriteNumeric<sbyte>(stream, a); break;
            case byte[] a: WriteNumeric<byte>(stream, a); break;
            case short[] a: WriteNumeric<short>(stream, a); break;
            case ushort[] a: WriteNumeric<ushort>(stream, a); break;
            case int[] a: WriteNumeric<int>(stream, a); break;
            case uint[] a: WriteNumeric<uint>(stream, a); break;
            case long[] a: WriteNumeric<long>(stream, a); break;
            case ulong[] a: WriteNumeric<ulong>(stream, a); break;
            case Half[] a: WriteNumeric<Half>(stream, a); break;
            case float[] a: WriteNumeric<float>(stream, a); break;
            case double[] a: WriteNumeric<double>(stream, a); break;
            default: throw new InvalidOperationException($"cannot write {ElementType.Name} arrays");
        }
    }

    /// <summary>Writes a <c>.npy</c> file atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, Write);

    /// <summary>The elements as float32: float32 as is, float16 / float64 converted; other dtypes are rejected.</summary>
    public float[] ToSingle(string what) => Data switch
    {
        float[] f => f,
        double[] d => Array.ConvertAll(d, v => (float)v),
        Half[] h => Array.ConvertAll(h, v => (float)v),
        _ => throw WrongType(what, "a float type (float32 or float64)"),
    };

    /// <summary>The elements as int64: any integer dtype (range-checked), or floats that are all whole numbers.</summary>
    public long[] ToInt64(string what) => Data switch
    {
        long[] l => l,
        int[] a => Array.ConvertAll(a, v => (long)v),
        short[] a => Array.ConvertAll(a, v => (long)v),
        sbyte[] a => Array.ConvertAll(a, v => (long)v),
        byte[] a => Array.ConvertAll(a, v => (long)v),
        ushort[] a => Array.ConvertAll(a, v => (long)v),
        uint[] a => Array.ConvertAll(a, v => (long)v),
        ulong[] a => Array.ConvertAll(a, v => v <= long.MaxValue ? (long)v : throw OutOfRange(what, v.ToString(CultureInfo.InvariantCulture), "int64")),
        double[] d => Array.ConvertAll(d, v => WholeNumber(what, v, long.MinValue, long.MaxValue)),
        float[] f => Array.ConvertAll(f, v => WholeNumber(what, v, long.MinValue, long.MaxValue)),
        _ => throw WrongType(what, "an integer type"),
    };

    /// <summary>The elements as int32: any integer dtype (range-checked), or floats that are all whole numbers.</summary>
    public int[] ToInt32(string what)
    {
        if (Data is int[] ints)
        {
            return ints;
        }

        if (Data is double[] or float[])
        {
            return Array.ConvertAll(ToInt64Floats(what), v => (int)v);
        }

        return Array.ConvertAll(ToInt64(what), v => v is >= int.MinValue and <= int.MaxValue
            ? (int)v
            : throw OutOfRange(what, v.ToString(CultureInfo.InvariantCulture), "int32"));
    }

    /// <summary>The elements as strings (numpy <c>U</c> or <c>S</c> arrays).</summary>
    public string[] ToStrings(string what) => Data as string[] ?? throw WrongType(what, "a string type (numpy 'U' or 'S')");

    /// <summary>Decodes raw element bytes (as numpy stores them in memory or in a pickle) into a C-order array.</summary>
    internal static NpyArray FromRaw(byte[] raw, NpyDType dtype, long[] shape, bool fortran, string source)
    {
        var count = shape.Aggregate(1L, (a, d) => checked(a * d));
        if (count > Array.MaxLength)
        {
            throw new InvalidDataException($"{source}: array of shape {FormatShape(shape)} has too many elements for one .NET array");
        }

        using var stream = new MemoryStream(raw, writable: false);
        var data = ReadData(stream, dtype, (int)count, source);
        if (fortran && shape.Length > 1)
        {
            data = FortranToC(data, shape);
        }

        return new NpyArray(data, shape);
    }

    internal static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private long[] ToInt64Floats(string what) => Data switch
    {
        double[] d => Array.ConvertAll(d, v => WholeNumber(what, v, int.MinValue, int.MaxValue)),
        float[] f => Array.ConvertAll(f, v => WholeNumber(what, v, int.MinValue, int.MaxValue)),
        _ => throw WrongType(what, "a number type"),
    };

    private static long WholeNumber(string what, double v, double min, double max) =>
        double.IsFinite(v) && Math.Floor(v) == v && v >= min && v <= max
            ? (long)v
            : throw new InvalidDataException($"{what}: value {v.ToString(CultureInfo.InvariantCulture)} is not a whole number in range");

    private InvalidDataException WrongType(string what, string expected) =>
        new($"{what}: dtype {Descr} cannot be used; expected {expected}");

    private static InvalidDataException OutOfRange(string what, string value, string type) =>
        new($"{what}: value {value} does not fit in {type}");

    private static NpyArray ReadCore(Stream stream, string source, long? availableBytes)
    {
        Span<byte> start = stackalloc byte[10];
        var got = stream.ReadAtLeast(start[..8], 8, throwOnEndOfStream: false);
        if (got < 8 || !start[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{source}: not a .npy array (bad magic bytes)");
        }

        int major = start[6], minor = start[7];
        long headerLength;
        int prefix;
        switch (major)
        {
            case 1:
                stream.ReadExactly(start[8..10]);
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(start[8..10]);
                prefix = 10;
                break;
            case 2 or 3:
                Span<byte> len = stackalloc byte[4];
                stream.ReadExactly(len);
                headerLength = BinaryPrimitives.ReadUInt32LittleEndian(len);
                prefix = 12;
                break;
            default:
                throw new InvalidDataException($"{source}: .npy format version {major}.{minor} is not supported (1.0, 2.0, 3.0 are)");
        }

        if (headerLength > 1 << 24 || (availableBytes is { } avail && headerLength + prefix > avail))
        {
            throw new InvalidDataException($"{source}: .npy header length {headerLength} is not plausible");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var headerText = major == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        var (dtype, fortran, shape) = ParseHeader(headerText, source);
        var count = shape.Aggregate(1L, (a, d) => a * d);
        if (count > Array.MaxLength)
        {
            throw new InvalidDataException($"{source}: array of shape {FormatShape(shape)} has too many elements for one .NET array");
        }

        var dataBytes = count * dtype.ItemSize;
        if (availableBytes is { } available && dataBytes > available - prefix - headerLength)
        {
            throw new InvalidDataException($"{source}: truncated .npy data (shape {FormatShape(shape)} of {dtype.Descr} needs {dataBytes} bytes, {Math.Max(0, available - prefix - headerLength)} present)");
        }

        var data = ReadData(stream, dtype, (int)count, source);
        if (fortran && shape.Length > 1)
        {
            data = FortranToC(data, shape);
        }

        return new NpyArray(data, shape);
    }

    private static (NpyDType DType, bool Fortran, long[] Shape) ParseHeader(string text, string source)
    {
        object? parsed;
        try
        {
            parsed = PyLiteral.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{source}: bad .npy header: {e.Message}");
        }

        if (parsed is not Dictionary<string, object?> dict)
        {
            throw new InvalidDataException($"{source}: bad .npy header (not a dict): {text.Trim()}");
        }

        if (!dict.TryGetValue("descr", out var descr) || !dict.TryGetValue("fortran_order", out var fortran) || !dict.TryGetValue("shape", out var shape))
        {
            throw new InvalidDataException($"{source}: .npy header lacks descr, fortran_order or shape: {text.Trim()}");
        }

        if (descr is not string descrText)
        {
            throw new InvalidDataException($"{source}: structured dtypes are not supported (descr {text.Trim()})");
        }

        if (fortran is not bool isFortran || shape is not List<object?> dims || dims.Any(d => d is not long n || n < 0))
        {
            throw new InvalidDataException($"{source}: bad .npy header: {text.Trim()}");
        }

        var shapeArray = dims.Select(d => (long)d!).ToArray();
        try
        {
            _ = shapeArray.Aggregate(1L, (a, d) => checked(a * d));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{source}: .npy shape {FormatShape(shapeArray)} is too large");
        }

        return (NpyDType.Parse(descrText, source), isFortran, shapeArray);
    }

    private static Array ReadData(Stream stream, NpyDType dtype, int count, string source) => dtype.ClrType switch
    {
        var t when t == typeof(string) => ReadStrings(stream, dtype, count, source),
        var t when t == typeof(bool) => ReadNumeric<bool>(stream, count, false),
        var t when t == typeof(sbyte) => ReadNumeric<sbyte>(stream, count, false),
        var t when t == typeof(byte) => ReadNumeric<byte>(stream, count, false),
        var t when t == typeof(short) => ReadNumeric<short>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(ushort) => ReadNumeric<ushort>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(int) => ReadNumeric<int>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(uint) => ReadNumeric<uint>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(long) => ReadNumeric<long>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(ulong) => ReadNumeric<ulong>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(Half) => ReadNumeric<Half>(stream, count, dtype.NeedsSwap),
        var t when t == typeof(float) => ReadNumeric<float>(stream, count, dtype.NeedsSwap),
        _ => ReadNumeric<double>(stream, count, dtype.NeedsSwap),
    };

    private static T[] ReadNumeric<T>(Stream stream, int count, bool swap)
        where T : unmanaged
    {
        var data = GC.AllocateUninitializedArray<T>(count);
        var size = Marshal.SizeOf<T>();
        var perChunk = ChunkBytes / size;
        for (var offset = 0; offset < count; offset += perChunk)
        {
            var chunk = data.AsSpan(offset, Math.Min(perChunk, count - offset));
            stream.ReadExactly(MemoryMarshal.AsBytes(chunk));
            if (swap)
            {
                Swap(MemoryMarshal.AsBytes(chunk), size);
            }
        }

        if (typeof(T) == typeof(bool))
        {
            // numpy booleans are one byte 0 / 1; normalise anything else so bool semantics hold.
            var bytes = MemoryMarshal.AsBytes(data.AsSpan());
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] != 0 ? (byte)1 : (byte)0;
            }
        }

        return data;
    }

    private static void Swap(Span<byte> bytes, int size)
    {
        switch (size)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes)); break;
            default: break;
        }
    }

    private static string[] ReadStrings(Stream stream, NpyDType dtype, int count, string source)
    {
        var result = new string[count];
        var item = new byte[dtype.ItemSize];
        var encoding = dtype.Kind == 'S' ? (Encoding)Encoding.UTF8 : dtype.BigEndian ? new UTF32Encoding(true, false, true) : new UTF32Encoding(false, false, true);
        for (var i = 0; i < count; i++)
        {
            stream.ReadExactly(item);
            var length = item.Length;
            var unit = dtype.Kind == 'U' ? 4 : 1;
            while (length >= unit && item.AsSpan(length - unit, unit).IndexOfAnyExcept((byte)0) < 0)
            {
                length -= unit;
            }

            try
            {
                result[i] = encoding.GetString(item, 0, length);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{source}: string {i} is not valid {(dtype.Kind == 'U' ? "UTF-32" : "UTF-8")}");
            }
        }

        return result;
    }

    private static T[] FortranToC<T>(T[] source, long[] shape)
    {
        var rank = shape.Length;
        var fStride = new long[rank];
        fStride[0] = 1;
        for (var d = 1; d < rank; d++)
        {
            fStride[d] = fStride[d - 1] * shape[d - 1];
        }

        var result = new T[source.Length];
        var index = new long[rank];
        long f = 0;
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = source[f];
            for (var d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                f += fStride[d];
                if (index[d] < shape[d])
                {
                    break;
                }

                f -= fStride[d] * shape[d];
                index[d] = 0;
            }
        }

        return result;
    }

    private static Array FortranToC(Array data, long[] shape) => data switch
    {
        string[] a => FortranToC(a, shape),
        bool[] a => FortranToC(a, shape),
        sbyte[] a => FortranToC(a, shape),
        byte[] a => FortranToC(a, shape),
        short[] a => FortranToC(a, shape),
        ushort[] a => FortranToC(a, shape),
        int[] a => FortranToC(a, shape),
        uint[] a => FortranToC(a, shape),
        long[] a => FortranToC(a, shape),
        ulong[] a => FortranToC(a, shape),
        Half[] a => FortranToC(a, shape),
        float[] a => FortranToC(a, shape),
        double[] a => FortranToC(a, shape),
        _ => throw new InvalidOperationException("unexpected element type"),
    };

    private byte[] HeaderBytes(NpyDType dtype)
    {
        var dict = $"{{'descr': '{dtype.Descr}', 'fortran_order': False, 'shape': {FormatShape(Shape)}, }}";
        foreach (var (major, prefix) in new[] { (1, 10), (2, 12) })
        {
            var total = prefix + dict.Length + 1;
            var padded = (total + 63) / 64 * 64;
            var headerLength = padded - prefix;
            if (major == 2 || headerLength <= ushort.MaxValue)
            {
                var bytes = new byte[padded];
                Magic.CopyTo(bytes, 0);
                bytes[6] = (byte)major;
                bytes[7] = 0;
                if (major == 1)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
                }

                Encoding.Latin1.GetBytes(dict, bytes.AsSpan(prefix));
                bytes.AsSpan(prefix + dict.Length, padded - prefix - dict.Length - 1).Fill((byte)' ');
                bytes[^1] = (byte)'\n';
                return bytes;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static void WriteNumeric<T>(Stream stream, T[] data)
        where T : unmanaged
    {
        var perChunk = ChunkBytes / Marshal.SizeOf<T>();
        for (var offset = 0; offset < data.Length; offset += perChunk)
        {
            stream.Write(MemoryMarshal.AsBytes(data.AsSpan(offset, Math.Min(perChunk, data.Length - offset))));
        }
    }

    private static void WriteStrings(Stream stream, string[] strings, int chars)
    {
        var encoding = new UTF32Encoding(!BitConverter.IsLittleEndian, false, true);
        var item = new byte[chars * 4];
        foreach (var s in strings)
        {
            Array.Clear(item);
            encoding.GetBytes(s ?? string.Empty, item);
            stream.Write(item);
        }
    }
}
