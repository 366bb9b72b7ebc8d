using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Tests.IO;

public sealed class RadioMl2016ReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> CommittedPickles() =>
    [
        "rml2016_py3_p0.pkl", "rml2016_py3_p1.pkl", "rml2016_py3_p2.pkl", "rml2016_py3_p3.pkl", "rml2016_py3_p4.pkl", "rml2016_py3_p5.pkl",
        "rml2016_py2_p0.pkl", "rml2016_py2_p1.pkl", "rml2016_py2_p2.pkl", "rml2016_np2_p2.pkl", "rml2016_np2_p5.pkl", "rml2016_npint_p4.pkl",
    ];

    [Fact]
    public void Load_Fixture_MatchesRecordedReferenceDigest()
    {
        var dataset = RadioMl2016Reader.Load(TestPaths.Fixture("rml2016_style_small.pkl"));

        Assert.Equal(FixtureReference.Rml2016Pickle, FixtureReference.Digest(dataset));
    }

    [Fact]
    public void Load_Fixture_MatchesNumpyReadingItNow()
    {
        var path = TestPaths.Fixture("rml2016_style_small.pkl");
        var python = PythonNumpy.RequireNumpy();

        var expected = PythonNumpy.Run(python, FixtureReference.Script, "pkl", path);

        Assert.Equal(expected, FixtureReference.Digest(RadioMl2016Reader.Load(path)));
        Assert.Equal(FixtureReference.Rml2016Pickle, expected);
    }

    [Fact]
    public void Load_Fixture_MapsNamesAndOrdersClassesAsTheCatalog()
    {
        var dataset = RadioMl2016Reader.Load(TestPaths.Fixture("rml2016_style_small.pkl"));

        Assert.Equal(DatasetCatalog.Rml2016.Classes, dataset.Classes);
        Assert.Equal("rml2016", dataset.Name);
        Assert.Equal(128, dataset.Length);
        Assert.All(dataset.ClassCounts(), c => Assert.Equal(80, c));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => -20 + (2 * i)), dataset.Snr!.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(CommittedPickles))]
    public void Load_CommittedPickleOfAnyProtocol_HoldsTheScriptsValues(string file)
    {
        AssertScriptValues(RadioMl2016Reader.Load(Path.Combine(TestPaths.TestData, file)));
    }

    [Fact]
    public void Load_PicklesWrittenByPythonNow_HoldTheScriptsValues()
    {
        var python = PythonNumpy.RequireNumpy();
        PythonNumpy.RunFile(python, Path.Combine(TestPaths.TestData, "make_testdata.py"), _temp.Path);

        var pickles = Directory.GetFiles(_temp.Path, "*.pkl");

        Assert.Equal(12, pickles.Length);
        foreach (var file in pickles)
        {
            AssertScriptValues(RadioMl2016Reader.Load(file));
        }
    }

    [Fact]
    public void Load_ClassSubset_KeepsThoseClassesInTheGivenOrder()
    {
        var full = RadioMl2016Reader.Load(TestPaths.Fixture("rml2016_style_small.pkl"));

        var subset = RadioMl2016Reader.Load(TestPaths.Fixture("rml2016_style_small.pkl"), ["QPSK", "QAM16"]);

        Assert.Equal(["QPSK", "16QAM"], subset.Classes);
        Assert.Null(subset.Name);
        Assert.Equal([80, 80], subset.ClassCounts());
        var qpsk = Enumerable.Range(0, full.Count).First(i => full.Y[i] == 5);
        Assert.Equal(full.Sample(qpsk).ToArray(), subset.Sample(0).ToArray());
    }

    [Fact]
    public void Load_UnknownClass_ThrowsListingTheKnownOnes()
    {
        var path = TestPaths.Fixture("rml2016_style_small.pkl");

        var e = Assert.Throws<ArgumentException>(() => RadioMl2016Reader.Load(path, ["QAM256"]));

        Assert.Equal($"--classes: unknown class 'QAM256' in {path} (known: 16QAM, 64QAM, 8PSK, BPSK, GMSK, QPSK)", e.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(0.001)]
    public void Load_TruncatedPickle_ThrowsNamingTheFile(double keep)
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("rml2016_style_small.pkl"));
        var path = _temp.File("cut.pkl");
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2016Reader.Load(path));

        Assert.StartsWith($"{path}: not a readable RadioML pickle", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_CorruptPickle_ThrowsNamingTheFile()
    {
        var bytes = File.ReadAllBytes(TestPaths.Fixture("rml2016_style_small.pkl"));
        for (var i = 2; i < 40; i++)
        {
            bytes[i] = 0xFE;
        }

        var path = _temp.File("corrupt.pkl");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2016Reader.Load(path));

        Assert.StartsWith($"{path}: not a readable RadioML pickle", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "shape", "array of key (BPSK, 0) has shape (2, 3, 8); expected [N, 2, L]" },
        { "dtype", "array of key (BPSK, 0) has dtype <i4; expected float32" },
        { "rawLength", "needs 128 bytes but holds 100" },
        { "nan", "X holds NaN (sample 1, I[2])" },
        { "lengths", "has length 16 but others have 8" },
        { "list", "the pickle holds a list, not a dict" },
        { "clash", "both map to class 16QAM at SNR 0" },
        { "objectDtype", "is not supported (object arrays" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Load_MalformedContent_ThrowsOneLineNamingTheProblem(string variant, string problem)
    {
        var builder = new PickleBuilder();
        byte[] bytes = variant switch
        {
            "shape" => builder.Add("BPSK", 0, [2, 3, 8], "f4", new byte[2 * 3 * 8 * 4]).Build(),
            "dtype" => builder.Add("BPSK", 0, [2, 2, 8], "i4", new byte[2 * 2 * 8 * 4]).Build(),
            "rawLength" => builder.Add("BPSK", 0, [2, 2, 8], "f4", new byte[100]).Build(),
            "nan" => builder.AddFloats("BPSK", 0, 2, 8, i => i == 18 ? float.NaN : 0.5f).Build(),
            "lengths" => builder.AddFloats("BPSK", 0, 1, 8, _ => 0).AddFloats("QPSK", 0, 1, 16, _ => 0).Build(),
            "list" => [0x80, 2, (byte)']', (byte)'.'],
            "clash" => builder.AddFloats("QAM16", 0, 1, 8, _ => 0).AddFloats("16QAM", 0, 1, 8, _ => 0).Build(),
            "objectDtype" => builder.Add("BPSK", 0, [1, 2, 8], "O", new byte[16 * 8]).Build(),
            _ => throw new ArgumentException(variant),
        };
        var path = _temp.File(variant + ".pkl");
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => RadioMl2016Reader.Load(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_HandBuiltPickle_ReadsValuesExactly()
    {
        var path = _temp.File("built.pkl");
        File.WriteAllBytes(path, new PickleBuilder()
            .AddFloats("QAM64", 6, 2, 4, i => i * 0.25f)
            .AddFloats("QAM64", -6, 1, 4, i => -i)
            .Build());

        var dataset = RadioMl2016Reader.Load(path);

        Assert.Equal(["64QAM"], dataset.Classes);
        Assert.Equal([-6, 6, 6], dataset.Snr!);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (float)-i).Concat(Enumerable.Range(0, 16).Select(i => i * 0.25f)), dataset.X);
    }

    private static void AssertScriptValues(SignalDataset dataset)
    {
        // Classes: RadioML names mapped (QAM16 -> 16QAM), not a catalog set, so sorted ordinally.
        Assert.Equal(["16QAM", "BPSK", "GMSK"], dataset.Classes);
        Assert.Equal(TestDataValues.Length, dataset.Length);
        var expectedX = new List<float>();
        var expectedSnr = new List<int>();
        foreach (var mod in new[] { 1, 0, 2 })
        {
            for (var s = 0; s < TestDataValues.Snrs.Length; s++)
            {
                expectedX.AddRange(TestDataValues.PickleArray(mod, s));
                expectedSnr.AddRange(Enumerable.Repeat(TestDataValues.Snrs[s], TestDataValues.Vectors));
            }
        }

        Assert.Equal(expectedX, dataset.X);
        Assert.Equal(expectedSnr, dataset.Snr);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], dataset.Y);
    }
}
