using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// Flat, versioned encoding of <see cref="ModelWeights"/> for files and transport. Little-endian:
/// <code>
/// "CEWT"  u16 version (1)  u16 flags (0)  i32 count
/// count × { u16 name bytes, UTF-8 name, u8 dtype (1 float32, 2 int64), u8 rank, rank × i64 dim, data }
/// "TWEC"
/// </code>
/// Decoding checks every length against the buffer, rejects unknown versions and dtypes, duplicate names,
/// trailing bytes and non-finite floats, so a truncated or corrupted buffer fails with a clear message.
/// </summary>
public static class WeightCodec
{
    public const ushort Version = 1;

    private const int MaxRank = 8;
    private static readonly byte[] Head = "CEWT"u8.ToArray();
    private static readonly byte[] Tail = "TWEC"u8.ToArray();

    /// <summary>Encodes the weights; throws <see cref="InvalidDataException"/> if any float is NaN or infinite.</summary>
    public static byte[] Encode(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        EnsureLittleEndian();
        weights.CheckFinite();
        long size = Head.Length + 2 + 2 + 4 + Tail.Length;
        foreach (var t in weights)
        {
            size += 2 + Encoding.UTF8.GetByteCount(t.Name) + 1 + 1 + (8L * t.Shape.Length) + ((long)t.ElementCount * ElementSize(t.DType));
        }

        if (size > Array.MaxLength)
        {
            throw new NotSupportedException($"weights of {size} bytes exceed the largest byte array");
        }

        var buffer = new byte[size];
        var span = buffer.AsSpan();
        var pos = 0;
        Head.CopyTo(span);
        pos += Head.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(span[pos..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(pos + 2)..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(span[(pos + 4)..], weights.Count);
        pos += 8;
        foreach (var t in weights)
        {
            var name = Encoding.UTF8.GetBytes(t.Name);
            if (name.Length > ushort.MaxValue || t.Shape.Length > MaxRank)
            {
                throw new NotSupportedException($"weight '{t.Name}': name longer than {ushort.MaxValue} bytes or rank above {MaxRank}");
            }

            BinaryPrimitives.WriteUInt16LittleEndian(span[pos..], (ushort)name.Length);
            pos += 2;
            name.CopyTo(span[pos..]);
            pos += name.Length;
            span[pos++] = (byte)t.DType;
            span[pos++] = (byte)t.Shape.Length;
            foreach (var dim in t.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(span[pos..], dim);
                pos += 8;
            }

            var data = t.DType == WeightDType.Float32
                ? MemoryMarshal.AsBytes(t.Float32.AsSpan())
                : MemoryMarshal.AsBytes(t.Int64.AsSpan());
            data.CopyTo(span[pos..]);
            pos += data.Length;
        }

        Tail.CopyTo(span[pos..]);
        return buffer;
    }

    /// <summary>Decodes bytes written by <see cref="Encode"/>; throws <see cref="InvalidDataException"/> on any defect.</summary>
    public static ModelWeights Decode(ReadOnlySpan<byte> bytes)
    {
        EnsureLittleEndian();
        var reader = new Reader(bytes);
        if (!reader.Take(Head.Length).SequenceEqual(Head))
        {
            throw new InvalidDataException("not an encoded weight set (bad magic bytes)");
        }

        var version = reader.UInt16();
        if (version != Version)
        {
            throw new InvalidDataException($"weight encoding version {version} is not supported (this build reads version {Version})");
        }

        reader.UInt16();
        var count = reader.Int32();
        if (count < 0)
        {
            throw new InvalidDataException($"weight encoding declares {count} tensors");
        }

        var tensors = new List<WeightTensor>(Math.Min(count, 4096));
        for (var i = 0; i < count; i++)
        {
            tensors.Add(ReadTensor(ref reader, i));
        }

        if (!reader.Take(Tail.Length).SequenceEqual(Tail))
        {
            throw new InvalidDataException("weight encoding is corrupt (end marker missing)");
        }

        if (reader.Remaining != 0)
        {
            throw new InvalidDataException($"weight encoding has {reader.Remaining} unexpected trailing bytes");
        }

        ModelWeights weights;
        try
        {
            weights = new ModelWeights(tensors);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"weight encoding is corrupt: {e.Message}", e);
        }

        weights.CheckFinite();
        return weights;
    }

    private static WeightTensor ReadTensor(ref Reader reader, int index)
    {
        var nameLength = reader.UInt16();
        string name;
        try
        {
            name = new UTF8Encoding(false, true).GetString(reader.Take(nameLength));
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"weight encoding is corrupt: name of tensor {index} is not UTF-8", e);
        }

        if (name.Length == 0)
        {
            throw new InvalidDataException($"weight encoding is corrupt: tensor {index} has an empty name");
        }

        var dtype = (WeightDType)reader.Byte();
        if (dtype is not (WeightDType.Float32 or WeightDType.Int64))
        {
            throw new InvalidDataException($"weight '{name}': unknown element type code {(byte)dtype}");
        }

        var rank = reader.Byte();
        if (rank > MaxRank)
        {
            throw new InvalidDataException($"weight '{name}': rank {rank} is above {MaxRank}");
        }

        var shape = new long[rank];
        long elements = 1;
        for (var d = 0; d < rank; d++)
        {
            shape[d] = reader.Int64();
            if (shape[d] < 0 || shape[d] > int.MaxValue)
            {
                throw new InvalidDataException($"weight '{name}': invalid dimension {shape[d]}");
            }

            elements *= shape[d];
            if (elements * ElementSize(dtype) > reader.Remaining)
            {
                throw new InvalidDataException($"weight encoding is truncated: weight '{name}' needs more bytes than remain");
            }
        }

        var data = reader.Take(checked((int)(elements * ElementSize(dtype))));
        return dtype == WeightDType.Float32
            ? new WeightTensor(name, shape, MemoryMarshal.Cast<byte, float>(data).ToArray())
            : new WeightTensor(name, shape, MemoryMarshal.Cast<byte, long>(data).ToArray());
    }

    private static int ElementSize(WeightDType dtype) => dtype == WeightDType.Float32 ? 4 : 8;

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the weight codec needs a little-endian machine");
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _pos;

        public readonly int Remaining => _bytes.Length - _pos;

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count > Remaining)
            {
                throw new InvalidDataException($"weight encoding is truncated ({_bytes.Length} bytes; needed {_pos + count})");
            }

            var slice = _bytes.Slice(_pos, count);
            _pos += count;
            return slice;
        }

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
    }
}
