using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using PureHDF;

namespace CloudEdge.Signals.Tests.IO;

public sealed class RadioMl2018ReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string FixturePath => TestPaths.Fixture("rml2018_style_small.hdf5");

    [Fact]
    public void Load_Fixture_MatchesRecordedReferenceDigest()
    {
        var dataset = RadioMl2018Reader.Load(FixturePath);

        Assert.Equal(FixtureReference.Rml2018Hdf5, FixtureReference.Digest(dataset));
    }

    [Fact]
    public void Load_Fixture_MatchesH5pyReadingItNow()
    {
        var path = FixturePath;
        var python = PythonNumpy.RequireH5py();

        var expected = PythonNumpy.Run(python, FixtureReference.Script, "h5", path);

        Assert.Equal(expected, FixtureReference.Digest(RadioMl2018Reader.Load(path)));
        Assert.Equal(FixtureReference.Rml2018Hdf5, expected);
    }

    [Fact]
    public void Load_Fixture_HasTheRml2016ClassesInCatalogOrderAndTheFilesSnrs()
    {
        var dataset = RadioMl2018Reader.Load(FixturePath);

        Assert.Equal(DatasetCatalog.Rml2016.Classes, dataset.Classes);
        Assert.Equal("rml2016", dataset.Name);
        Assert.Equal(1024, dataset.Length);
        Assert.All(dataset.ClassCounts(), c => Assert.Equal(16, c));
        Assert.Equal([-10, -6, -2, 2, 6, 10, 14, 18], dataset.Snr!.Distinct().Order());
    }

    [Fact]
    public void Load_InSmallBlocksWithASubset_GivesTheSameSamplesAsOneBlock()
    {
        var all = RadioMl2018Reader.Load(FixturePath);

        var subset = RadioMl2018Reader.Load(FixturePath, null, ["GMSK", "BPSK", "QAM64"], blockElements: 3 * 2048);

        Assert.Equal(["GMSK", "BPSK", "64QAM"], subset.Classes);
        Assert.Null(subset.Name);
        var expected = all.Subset(new[] { 4, 3, 1 }.SelectMany(c => Enumerable.Range(0, all.Count).Where(i => all.Y[i] == c)).ToArray());
        Assert.Equal(expected.X, subset.X);
        Assert.Equal(expected.Snr, subset.Snr);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => (long)(i / 16)), subset.Y);
    }

    [Fact]
    public void Load_ClassOrderOverride_NamesTheColumnsByTheGivenOrder()
    {
        var reversed = RadioMl2018Classes.PaperOrder.Reverse().ToArray();
        var byPaper = RadioMl2018Reader.Load(FixturePath);

        var byReversed = RadioMl2018Reader.Load(FixturePath, reversed);

        // Columns 3, 4, 5, 12, 14, 22 hold samples; reversed, they are named as the paper's columns 20, 19, 18, 11, 9, 1.
        Assert.Equal(["AM-DSB-SC", "AM-DSB-WC", "AM-SSB-SC", "128APSK", "32APSK", "4ASK"], byReversed.Classes);
        var bpskInPaper = byPaper.Subset(Enumerable.Range(0, byPaper.Count).Where(i => byPaper.Classes[(int)byPaper.Y[i]] == "BPSK").ToArray());
        var firstColumn = byReversed.Subset(Enumerable.Range(0, byReversed.Count).Where(i => byReversed.Y[i] == 0).ToArray());
        Assert.Equal(bpskInPaper.X, firstColumn.X);
    }

    [Fact]
    public void Load_ClassOrderOfWrongLength_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => RadioMl2018Reader.Load(FixturePath, ["BPSK", "QPSK"]));

        Assert.Contains("Y has 24 columns but the class order lists 2 classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownClass_ThrowsListingTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => RadioMl2018Reader.Load(FixturePath, null, ["BPSK", "QAM1024"]));

        Assert.StartsWith($"--classes: unknown class 'QAM1024' in {FixturePath} (known: OOK, 4ASK,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClassWithoutSamples_ThrowsInvalidData()
    {
        var e = Assert.Throws<InvalidDataException>(() => RadioMl2018Reader.Load(FixturePath, null, ["OOK"]));

        Assert.Equal($"{FixturePath}: class 'OOK' has no samples in the file", e.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Load_TruncatedFile_ThrowsNamingTheFile(double keep)
    {
        var bytes = File.ReadAllBytes(FixturePath);
        var path = _temp.File("cut.hdf5");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2018Reader.Load(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_NotHdf5_ThrowsNamingTheFile()
    {
        var path = _temp.File("junk.hdf5");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 13)).ToArray());

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2018Reader.Load(path));

        Assert.StartsWith($"{path}: not a readable HDF5 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ChunkedFileWrittenByPureHdf_ReadsExactValues()
    {
        var (x, y, z) = Layout(n: 7, length: 16);
        var path = Write("chunked.h5", x, [7, 16, 2], y, z, chunks: true);

        var dataset = RadioMl2018Reader.Load(path, null, null, blockElements: 64);

        Assert.Equal(["BPSK", "QPSK"], dataset.Classes);
        var order = new[] { 0, 2, 4, 6, 1, 3, 5 };
        Assert.Equal(order.Select(r => z[r]).Select(v => (int)v), dataset.Snr);
        for (var k = 0; k < order.Length; k++)
        {
            var r = order[k];
            var expected = Enumerable.Range(0, 16).Select(t => x[(r * 32) + (2 * t)]).Concat(Enumerable.Range(0, 16).Select(t => x[(r * 32) + (2 * t) + 1]));
            Assert.Equal(expected, dataset.Sample(k).ToArray());
        }
    }

    [Fact]
    public void ContiguousRows_OnTheFixture_ReadTheSameRowsAsPureHdf()
    {
        using var file = H5File.OpenRead(FixturePath);
        var x = file.Dataset("X");

        using var direct = Hdf5ContiguousRows.TryOpen(FixturePath, x);

        Assert.NotNull(direct);
        var buffer = new float[4 * 2048];
        direct.Read(37, 4, buffer);
        var expected = x.Read<float[]>(new PureHDF.Selections.HyperslabSelection(3, [37, 0, 0], [4, 1024, 2]));
        Assert.Equal(expected, buffer);
    }

    [Fact]
    public void ContiguousRows_OnAChunkedDataset_IsNotUsed()
    {
        var (x, y, z) = Layout(n: 7, length: 16);
        var path = Write("chunked.h5", x, [7, 16, 2], y, z, chunks: true);
        using var file = H5File.OpenRead(path);

        Assert.Null(Hdf5ContiguousRows.TryOpen(path, file.Dataset("X")));
    }

    public static TheoryData<string, string> BadLayouts() => new()
    {
        { "noZ", "no dataset 'Z' (found: X, Y)" },
        { "xShape", "X has shape (7, 2, 16); expected [N, L, 2]" },
        { "yRows", "Y has shape (6, 24); expected [7, classes]" },
        { "notOneHot", "row 2 of Y is not one-hot" },
        { "zeroRow", "row 5 of Y is all zeros" },
        { "nan", "X holds NaN" },
        { "xInt", "X has HDF5 type FixedPoint of 4 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadLayouts))]
    public void Load_BadLayout_ThrowsOneLineNamingTheProblem(string variant, string problem)
    {
        var (x, y, z) = Layout(n: 7, length: 16);
        ulong[] xDims = [7, 16, 2];
        object xData = x;
        switch (variant)
        {
            case "xShape": xDims = [7, 2, 16]; break;
            case "yRows": y = y[..(6 * 24)]; break;
            case "notOneHot": y[(2 * 24) + 7] = 1; break;
            case "zeroRow": Array.Clear(y, 5 * 24, 24); break;
            case "nan": x[40] = float.NaN; break;
            case "xInt": xData = new int[x.Length]; break;
            default: break;
        }

        var path = Write(variant + ".h5", xData, xDims, y, variant == "noZ" ? null : z, chunks: false);

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2018Reader.Load(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static (float[] X, long[] Y, long[] Z) Layout(int n, int length)
    {
        var x = Enumerable.Range(0, n * length * 2).Select(i => (i * 0.125f) - 3).ToArray();
        var y = new long[n * 24];
        var z = new long[n];
        for (var r = 0; r < n; r++)
        {
            y[(r * 24) + (r % 2 == 0 ? 3 : 4)] = 1; // BPSK, QPSK alternating
            z[r] = -10 + (2 * r);
        }

        return (x, y, z);
    }

    private string Write(string name, object x, ulong[] xDims, long[] y, long[]? z, bool chunks)
    {
        var file = new H5File
        {
            ["X"] = new H5Dataset(x, chunks ? [3, 16, 2] : null, fileDims: xDims),
            ["Y"] = new H5Dataset(y, chunks ? [2, 24] : null, fileDims: [(ulong)(y.Length / 24), 24]),
        };
        if (z is not null)
        {
            file["Z"] = new H5Dataset(z, chunks ? [4, 1] : null, fileDims: [(ulong)z.Length, 1]);
        }

        var path = _temp.File(name);
        file.Write(path);
        return path;
    }
}
