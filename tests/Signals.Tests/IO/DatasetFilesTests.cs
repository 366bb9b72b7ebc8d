using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class DatasetFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("numpy_savez.npz", DatasetFormat.Npz)]
    [InlineData("rml2016_py3_p0.pkl", DatasetFormat.Rml2016)]
    [InlineData("rml2016_py3_p1.pkl", DatasetFormat.Rml2016)]
    [InlineData("rml2016_py2_p0.pkl", DatasetFormat.Rml2016)]
    [InlineData("rml2016_py3_p5.pkl", DatasetFormat.Rml2016)]
    public void DetectFormat_ByMagicBytes_IgnoresTheExtension(string file, DatasetFormat format)
    {
        var copy = _temp.File("data.bin");
        File.Copy(Path.Combine(TestPaths.TestData, file), copy);

        Assert.Equal(format, DatasetFiles.DetectFormat(copy));
    }

    [Fact]
    public void DetectFormat_Hdf5Fixture_IsRml2018()
    {
        var copy = _temp.File("data.npz");
        File.Copy(TestPaths.Fixture("rml2018_style_small.hdf5"), copy);

        Assert.Equal(DatasetFormat.Rml2018, DatasetFiles.DetectFormat(copy));
    }

    [Fact]
    public void DetectFormat_UnknownContentAndExtension_ThrowsAskingForFormat()
    {
        var path = _temp.File("data.bin");
        File.WriteAllText(path, "hello");

        var e = Assert.Throws<InvalidDataException>(() => DatasetFiles.DetectFormat(path));

        Assert.Equal($"{path}: cannot tell the file format (not a zip/NPZ, HDF5 or pickle); pass --format", e.Message);
    }

    [Fact]
    public void Load_AutoFormat_ReadsEachFormat()
    {
        Assert.Equal(6, DatasetFiles.Load(Path.Combine(TestPaths.TestData, "numpy_savez.npz")).Count);
        Assert.Equal(12, DatasetFiles.Load(Path.Combine(TestPaths.TestData, "rml2016_py2_p2.pkl")).Count);
        Assert.Equal(96, DatasetFiles.Load(TestPaths.Fixture("rml2018_style_small.hdf5")).Count);
    }

    [Fact]
    public void Load_NpzWithClassSubset_SelectsAndRelabels()
    {
        var dataset = DatasetFiles.Load(Path.Combine(TestPaths.TestData, "numpy_savez.npz"), new DatasetImportOptions { Classes = ["8psk", "16QAM"] });

        Assert.Equal(["8PSK", "16QAM"], dataset.Classes);
        Assert.Equal([1, 0, 1, 0], dataset.Y);
        Assert.Equal([-20, 0, 4, 18], dataset.Snr!);
    }

    [Fact]
    public void Load_WrongExplicitFormat_ThrowsNamingTheFile()
    {
        var path = Path.Combine(TestPaths.TestData, "numpy_savez.npz");

        var e = Assert.Throws<InvalidDataException>(() => DatasetFiles.Load(path, new DatasetImportOptions { Format = DatasetFormat.Rml2018 }));

        Assert.StartsWith($"{path}: not a readable HDF5 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ClassOrderForANonRml2018File_ThrowsArgumentException()
    {
        var path = Path.Combine(TestPaths.TestData, "numpy_savez.npz");

        var e = Assert.Throws<ArgumentException>(() => DatasetFiles.Load(path, new DatasetImportOptions { ClassOrder = ["a"] }));

        Assert.Contains("--class-order applies to RadioML 2018 files only", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => DatasetFiles.Load(_temp.File("nothing.pkl")));
    }

    [Fact]
    public void ClassOrderParse_ShippedClassesTxtStyle_GivesTheNamesInOrder()
    {
        var path = _temp.File("classes.txt");
        File.WriteAllText(path, "classes = ['32PSK',\n '16APSK',\n 'QAM16',\n \"FM\"]\n");

        Assert.Equal(["32PSK", "16APSK", "16QAM", "FM"], RadioMl2018Classes.Parse(path));
        Assert.Equal(["BPSK", "QPSK"], RadioMl2018Classes.Parse("BPSK, QPSK"));
        Assert.Throws<ArgumentException>(() => RadioMl2018Classes.Parse("BPSK,BPSK"));
    }

    [Theory]
    [InlineData("auto", DatasetFormat.Auto)]
    [InlineData("RML2016", DatasetFormat.Rml2016)]
    [InlineData("rml2018", DatasetFormat.Rml2018)]
    [InlineData("npz", DatasetFormat.Npz)]
    public void ParseFormat_KnownNames_Parse(string text, DatasetFormat format)
    {
        Assert.Equal(format, DatasetImportOptions.ParseFormat(text));
    }

    [Fact]
    public void ParseFormat_Unknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatasetImportOptions.ParseFormat("csv"));
    }
}
