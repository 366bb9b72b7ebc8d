using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Convert_Rml2016Pickle_WritesAnNpzHoldingTheFixturesArrays()
    {
        var output = _temp.File("rml2016.npz");

        var (code, stdout, stderr) = DeviceSimProcess.Run("convert", "--in", TestPaths.Fixture("rml2016_style_small.pkl"), "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("480 samples", stdout, StringComparison.Ordinal);
        Assert.Equal(FixtureReference.Rml2016Pickle, FixtureReference.Digest(NpzDataset.Load(output)));
    }

    [Fact]
    public void Convert_Rml2018WithClassesAndClassOrderFile_KeepsThoseClasses()
    {
        var order = _temp.File("classes.txt");
        File.WriteAllLines(order, RadioMl2018Classes.PaperOrder);
        var output = _temp.File("two.npz");

        var (code, _, stderr) = DeviceSimProcess.Run(
            "convert", "--in", TestPaths.Fixture("rml2018_style_small.hdf5"), "--format", "rml2018", "--classes", "QPSK,BPSK", "--class-order", order, "--out", output, "--compress");

        Assert.True(code == 0, stderr);
        var dataset = NpzDataset.Load(output);
        Assert.Equal(["QPSK", "BPSK"], dataset.Classes);
        Assert.Equal([16, 16], dataset.ClassCounts());
        Assert.Equal(1024, dataset.Length);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    [InlineData("unknownClass")]
    [InlineData("badFormat")]
    public void Convert_BadInput_ExitsWithOneLineErrorAndWritesNothing(string variant)
    {
        var input = TestPaths.Fixture("rml2016_style_small.pkl");
        var args = new List<string> { "convert", "--in", input, "--out", _temp.File("out.npz") };
        switch (variant)
        {
            case "missing":
                args[2] = _temp.File("absent.pkl");
                break;
            case "corrupt":
                args[2] = _temp.File("corrupt.pkl");
                File.WriteAllBytes(args[2], File.ReadAllBytes(input)[..5000]);
                break;
            case "unknownClass":
                args.AddRange(["--classes", "BPSK,QAM1024"]);
                break;
            default:
                args.AddRange(["--format", "csv"]);
                break;
        }

        var (code, _, stderr) = DeviceSimProcess.Run([.. args]);

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("out.npz")));
        Assert.DoesNotContain(Directory.GetFiles(_temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
