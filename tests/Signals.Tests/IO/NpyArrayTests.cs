using System.Buffers.Binary;
using System.Text;
using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class NpyArrayTests
{
    public static TheoryData<Array> Arrays() => new()
    {
        new float[] { 1.5f, -2.25f, float.Epsilon, float.MaxValue, 0f, -0f },
        new double[] { Math.PI, -1e300, 0.1 },
        new long[] { long.MinValue, 0, long.MaxValue, -5 },
        new int[] { int.MinValue, 7, int.MaxValue },
        new short[] { -3, 300 },
        new ushort[] { 65535, 1 },
        new uint[] { uint.MaxValue },
        new ulong[] { ulong.MaxValue, 3 },
        new sbyte[] { -128, 127 },
        new byte[] { 0, 255, 10 },
        new bool[] { true, false, true },
        new Half[] { (Half)1.5, (Half)(-0.25) },
        new string[] { "16QAM", "", "Ωmega-☃", "x𝄞y" },
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Write_ThenRead_GivesTheSameElementsAndShape(Array data)
    {
        var array = new NpyArray(data);
        using var stream = new MemoryStream();
        array.Write(stream);
        stream.Position = 0;

        var back = NpyArray.Read(stream, "memory");

        Assert.Equal(data.GetType(), back.Data.GetType());
        Assert.Equal(data, back.Data);
        Assert.Equal([data.LongLength], back.Shape);
    }

    [Fact]
    public void Write_Header_IsVersion1PaddedTo64BytesWithNumpyDict()
    {
        var array = new NpyArray(new float[24], [2, 3, 4]);
        using var stream = new MemoryStream();
        array.Write(stream);
        var bytes = stream.ToArray();

        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], bytes[..8]);
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }", header, StringComparison.Ordinal);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
        Assert.Equal(10 + headerLength + (24 * 4), bytes.Length);
    }

    [Fact]
    public void Write_ZeroDimensionalString_HasEmptyShapeTuple()
    {
        var array = new NpyArray(new[] { "rml2016" }, []);
        using var stream = new MemoryStream();
        array.Write(stream);
        stream.Position = 0;

        var back = NpyArray.Read(stream, "memory");

        Assert.Empty(back.Shape);
        Assert.Equal("rml2016", back.ToStrings("name")[0]);
        Assert.Contains("'shape': ()", Encoding.ASCII.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_Version2And3Headers_AreAccepted(int major)
    {
        var bytes = Build(major, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", [1, 0, 0, 0, 2, 0, 0, 0]);

        var array = NpyArray.Read(new MemoryStream(bytes), "v" + major);

        Assert.Equal(new[] { 1, 2 }, array.Data);
    }

    [Fact]
    public void Read_FortranOrder_IsReturnedInCOrder()
    {
        // A 2x3 matrix [[1,2,3],[4,5,6]] stored column-major is 1 4 2 5 3 6.
        var data = new[] { 1.0, 4, 2, 5, 3, 6 }.SelectMany(BitConverter.GetBytes).ToArray();
        var bytes = Build(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", data);

        var array = NpyArray.Read(new MemoryStream(bytes), "fortran");

        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, array.Data);
        Assert.Equal([2L, 3L], array.Shape);
    }

    [Fact]
    public void Read_BigEndianAndPython2LongShape_AreConverted()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleBigEndian(data, 1.25f);
        BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(4), -3f);
        var bytes = Build(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2L,), }", data);

        var array = NpyArray.Read(new MemoryStream(bytes), "big");

        Assert.Equal(new[] { 1.25f, -3f }, array.Data);
    }

    [Theory]
    [InlineData("'|O'", "object arrays")]
    [InlineData("'<c8'", "complex")]
    [InlineData("[('a', '<f4')]", "structured")]
    [InlineData("'<q9'", "unknown dtype")]
    public void Read_UnsupportedDtype_ThrowsNamingTheDtype(string descr, string why)
    {
        var bytes = Build(1, "{'descr': " + descr + ", 'fortran_order': False, 'shape': (1,), }", new byte[16]);

        var e = Assert.Throws<InvalidDataException>(() => NpyArray.Read(new MemoryStream(bytes), "file.npy"));

        Assert.StartsWith("file.npy: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedData_ThrowsInvalidData()
    {
        var bytes = Build(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100,), }", new byte[40]);

        var e = Assert.Throws<InvalidDataException>(() => NpyArray.Read(new MemoryStream(bytes), "short.npy"));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedDataWithKnownLength_FailsBeforeAllocating()
    {
        var bytes = Build(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }", new byte[40]);

        var e = Assert.Throws<InvalidDataException>(() => NpyArray.Read(new MemoryStream(bytes), "claim.npy", bytes.Length));

        Assert.Contains("truncated .npy data (shape (100000000,)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not numpy at all")]
    [InlineData("\u0093NUMPY")]
    public void Read_BadMagicOrTooShort_ThrowsInvalidData(string content)
    {
        var e = Assert.Throws<InvalidDataException>(() => NpyArray.Read(new MemoryStream(Encoding.Latin1.GetBytes(content)), "junk.npy"));

        Assert.StartsWith("junk.npy: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'shape': (1,), }")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)")]
    [InlineData("['descr']")]
    public void Read_BadHeader_ThrowsInvalidData(string header)
    {
        var bytes = Build(1, header, new byte[4]);

        var e = Assert.Throws<InvalidDataException>(() => NpyArray.Read(new MemoryStream(bytes), "hdr.npy"));

        Assert.StartsWith("hdr.npy: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ToInt64_WholeFloats_AreConvertedAndFractionsRejected()
    {
        Assert.Equal(new long[] { 3, -1 }, new NpyArray(new[] { 3.0, -1.0 }).ToInt64("y"));
        var e = Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 0.5 }).ToInt64("y"));
        Assert.Contains("not a whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInt32_OutOfRange_IsRejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 1L << 40 }).ToInt32("snr"));

        Assert.Contains("does not fit in int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSingle_IntegerArray_IsRejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => new NpyArray(new[] { 1, 2 }).ToSingle("X"));

        Assert.Equal("X: dtype <i4 cannot be used; expected a float type (float32 or float64)", e.Message);
    }

    [Fact]
    public void Constructor_ShapeNotMatchingData_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NpyArray(new float[5], [2, 3]));
    }

    private static byte[] Build(int major, string dict, byte[] data)
    {
        var prefix = major == 1 ? 10 : 12;
        var header = dict + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 };
        if (major == 1)
        {
            bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        }
        else
        {
            bytes.AddRange(BitConverter.GetBytes((uint)header.Length));
        }

        Assert.Equal(prefix, bytes.Count);
        bytes.AddRange(Encoding.UTF8.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }
}
