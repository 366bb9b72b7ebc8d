using System.IO.Compression;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class NpzDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static SignalDataset Sample(int n = 12, int length = 16, bool snr = true, string? name = "rml2016")
    {
        var x = Enumerable.Range(0, n * 2 * length).Select(i => (float)Math.Sin(i * 0.37) * 0.01f).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (long)(i % 6)).ToArray();
        var snrs = snr ? Enumerable.Range(0, n).Select(i => -20 + (2 * (i % 20))).ToArray() : null;
        return new SignalDataset(x, y, snrs, DatasetCatalog.Rml2016.Classes, length, name);
    }

    [Theory]
    [InlineData(false, true, "rml2016")]
    [InlineData(true, true, "rml2016")]
    [InlineData(false, false, null)]
    public void Save_ThenLoad_RoundTripsEveryArray(bool compress, bool withSnr, string? name)
    {
        var dataset = Sample(snr: withSnr, name: name);
        var path = _temp.File("d.npz");

        NpzDataset.Save(dataset, path, compress);
        var back = NpzDataset.Load(path);

        Assert.Equal(dataset.X, back.X);
        Assert.Equal(dataset.Y, back.Y);
        Assert.Equal(dataset.Snr, back.Snr);
        Assert.Equal(dataset.Classes, back.Classes);
        Assert.Equal(dataset.Length, back.Length);
        Assert.Equal("rml2016", back.Name); // absent name: inferred from the catalog classes
    }

    [Fact]
    public void Save_EmptyDataset_RoundTrips()
    {
        var dataset = new SignalDataset([], [], [], ["a", "b"], 4);
        var path = _temp.File("empty.npz");

        NpzDataset.Save(dataset, path);
        var back = NpzDataset.Load(path);

        Assert.Equal(0, back.Count);
        Assert.Equal(4, back.Length);
        Assert.Null(back.Name);
    }

    [Fact]
    public void Save_WritesNumpyMemberNamesAndLeavesNoTemporaryFiles()
    {
        var path = _temp.File("d.npz");

        NpzDataset.Save(Sample(), path);

        using (var zip = ZipFile.OpenRead(path))
        {
            Assert.Equal(["X.npy", "y.npy", "snr.npy", "classes.npy", "name.npy"], zip.Entries.Select(e => e.FullName));
        }

        Assert.Equal(["d.npz"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesIt()
    {
        var path = _temp.File("d.npz");
        File.WriteAllText(path, "old");

        NpzDataset.Save(Sample(n: 6), path);

        Assert.Equal(6, NpzDataset.Load(path).Count);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var e = Assert.Throws<FileNotFoundException>(() => NpzDataset.Load(_temp.File("none.npz")));

        Assert.Contains("none.npz: no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsNamingTheFile()
    {
        var path = _temp.File("cut.npz");
        NpzDataset.Save(Sample(), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => NpzDataset.Load(path));

        Assert.StartsWith($"{path}: not a valid NPZ (zip) file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GarbageFile_ThrowsNamingTheFile()
    {
        var path = _temp.File("junk.npz");
        File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => NpzDataset.Load(path));

        Assert.StartsWith($"{path}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptCompressedMember_ThrowsNamingTheMember()
    {
        var path = _temp.File("corrupt.npz");
        NpzDataset.Save(Sample(n: 200), path, compress: true);
        var bytes = File.ReadAllBytes(path);
        for (var i = 200; i < 1200; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => NpzDataset.Load(path));

        Assert.True(e.Message.StartsWith($"{path}: member X.npy", StringComparison.Ordinal), e.Message);
    }

    public static TheoryData<string, string> BadArrays() => new()
    {
        { "noX", "no array 'X'" },
        { "noY", "no array 'y'" },
        { "x2d", "X has shape (4, 16); expected [N, 2, L]" },
        { "x3channels", "X has shape (4, 3, 8); expected [N, 2, L]" },
        { "yShort", "y has shape (3,); expected (4,)" },
        { "snrShort", "snr has shape (5,); expected (4,)" },
        { "label", "label 6 of sample 2 is outside the 6 classes" },
        { "negative", "label -1 of sample 0 is outside the 6 classes" },
        { "nan", "X holds NaN (sample 1, Q[3])" },
        { "inf", "X holds an infinite value (sample 3, I[0])" },
        { "xInt", "X: dtype <i4 cannot be used" },
        { "yFloat", "y: value 0.5 is not a whole number" },
        { "classes2d", "classes has shape (2, 3); expected one dimension" },
        { "duplicate", "class name 'BPSK' appears twice" },
    };

    [Theory]
    [MemberData(nameof(BadArrays))]
    public void Load_BadContent_ThrowsOneLineNamingFileAndProblem(string variant, string problem)
    {
        var path = _temp.File(variant + ".npz");
        var x = new float[4 * 2 * 8];
        var arrays = new Dictionary<string, NpyArray>
        {
            ["X"] = new(x, [4, 2, 8]),
            ["y"] = new(new long[] { 0, 1, 2, 3 }),
            ["snr"] = new(new[] { 0, 2, 4, 6 }),
            ["classes"] = new(DatasetCatalog.Rml2016.Classes.ToArray()),
        };
        switch (variant)
        {
            case "noX": arrays.Remove("X"); break;
            case "noY": arrays.Remove("y"); break;
            case "x2d": arrays["X"] = new(x, [4, 16]); break;
            case "x3channels": arrays["X"] = new(new float[4 * 3 * 8], [4, 3, 8]); break;
            case "yShort": arrays["y"] = new(new long[] { 0, 1, 2 }); break;
            case "snrShort": arrays["snr"] = new(new[] { 0, 1, 2, 3, 4 }); break;
            case "label": arrays["y"] = new(new long[] { 0, 1, 6, 3 }); break;
            case "negative": arrays["y"] = new(new long[] { -1, 1, 2, 3 }); break;
            case "nan": x[16 + 8 + 3] = float.NaN; break;
            case "inf": x[48] = float.PositiveInfinity; break;
            case "xInt": arrays["X"] = new(new int[64], [4, 2, 8]); break;
            case "yFloat": arrays["y"] = new(new[] { 0.5, 1, 2, 3 }); break;
            case "classes2d": arrays["classes"] = new(DatasetCatalog.Rml2016.Classes.ToArray(), [2, 3]); break;
            case "duplicate": arrays["classes"] = new(new[] { "BPSK", "QPSK", "BPSK", "GMSK" }); break;
            default: throw new ArgumentException(variant);
        }

        NpzArchive.Write(path, arrays);

        var e = Assert.Throws<InvalidDataException>(() => NpzDataset.Load(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_WithoutClassesArray_NamesClassesByNumber()
    {
        var path = _temp.File("plain.npz");
        NpzArchive.Write(path, new Dictionary<string, NpyArray>
        {
            ["X"] = new(new float[3 * 2 * 4], [3, 2, 4]),
            ["y"] = new(new long[] { 0, 2, 1 }),
        });

        var dataset = NpzDataset.Load(path);

        Assert.Equal(["0", "1", "2"], dataset.Classes);
        Assert.Null(dataset.Snr);
    }
}
