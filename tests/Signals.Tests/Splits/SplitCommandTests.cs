using CloudEdge.Signals.IO;
using CloudEdge.Signals.Splits;
using CloudEdge.Signals.Tests.IO;

namespace CloudEdge.Signals.Tests.Splits;

public sealed class SplitCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Split_Rml2016Pickle_WritesTheSplitAndPrintsTheCountTable()
    {
        var outDir = _temp.File("data");

        var (code, stdout, stderr) = DeviceSimProcess.Run(
            "split", "--dataset-type", "rml2016", "--data-path", TestPaths.Fixture("rml2016_style_small.pkl"), "--num-edges", "3", "--seed", "5", "--output-dir", outDir);

        Assert.True(code == 0, stderr);
        var folder = Path.Combine(outDir, "rml2016");
        var manifest = SplitManifest.FromJson(File.ReadAllText(Path.Combine(folder, SplitManifest.FileName)));
        Assert.Equal(480, manifest.Parts.Sum(p => p.Total));
        Assert.Equal(96, manifest.Parts.Single(p => p.Name == "test").Total);
        Assert.Equal(Enumerable.Repeat(16, 6), manifest.Parts.Single(p => p.Name == "test").PerClass);
        foreach (var part in manifest.Parts)
        {
            var data = NpzDataset.Load(Path.Combine(folder, part.File));
            Assert.Equal(part.PerClass, data.ClassCounts());
            Assert.Equal("rml2016", data.Name);
        }

        foreach (var text in new[] { "edge_1", "edge_3", "cloud", "test", "16QAM", "QPSK", "entropy" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Split_SnakeCaseOptionsAndHdf5Input_Work()
    {
        var outDir = _temp.File("data");

        var (code, _, stderr) = DeviceSimProcess.Run(
            "split", "--dataset_type", "rml2016", "--data_path", TestPaths.Fixture("rml2018_style_small.hdf5"), "--num_edges", "2",
            "--dirichlet_alpha", "0.5", "--cloud_ratio", "0.25", "--test_ratio", "0.25", "--output_dir", outDir);

        Assert.True(code == 0, stderr);
        var manifest = SplitManifest.FromJson(File.ReadAllText(Path.Combine(outDir, "rml2016", SplitManifest.FileName)));
        Assert.Equal(2, manifest.NumEdges);
        Assert.Equal(0.5, manifest.DirichletAlpha);
        Assert.Equal(96, manifest.Parts.Sum(p => p.Total));
        Assert.Equal(24, manifest.Parts.Single(p => p.Name == "test").Total);
    }

    [Fact]
    public void Split_SameSeedTwice_WritesTheSameData()
    {
        var args = new[] { "split", "--data-path", TestPaths.Fixture("rml2016_style_small.pkl"), "--seed", "9" };

        var first = DeviceSimProcess.Run([.. args, "--output-dir", _temp.File("a")]);
        var second = DeviceSimProcess.Run([.. args, "--output-dir", _temp.File("b")]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        foreach (var file in new[] { "cloud_data.npz", "edge_1_data.npz", "edge_2_data.npz", "edge_3_data.npz", "test_data.npz" })
        {
            Assert.Equal(
                NpzDataset.Load(Path.Combine(_temp.File("a"), "rml2016", file)).X,
                NpzDataset.Load(Path.Combine(_temp.File("b"), "rml2016", file)).X);
        }
    }

    [Theory]
    [InlineData("--dirichlet-alpha", "0", "--dirichlet-alpha")]
    [InlineData("--dirichlet-alpha", "-1", "--dirichlet-alpha")]
    [InlineData("--cloud-ratio", "1", "--cloud-ratio")]
    [InlineData("--test-ratio", "0", "--test-ratio")]
    [InlineData("--num-edges", "500", "--num-edges 500 is more than the")]
    [InlineData("--dataset-type", "link11", "--dataset-type link11 expects classes")]
    [InlineData("--dataset-type", "rml2019", "rml2019")]
    [InlineData("--data-path", "missing.npz", "no such file")]
    public void Split_BadInput_ExitsWithAnErrorAndLeavesNoOutput(string option, string value, string expected)
    {
        var outDir = _temp.File("data");
        var args = new List<string> { "split", "--data-path", TestPaths.Fixture("rml2016_style_small.pkl"), "--output-dir", outDir };
        if (option == "--data-path")
        {
            args[2] = _temp.File(value);
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, stderr) = DeviceSimProcess.Run([.. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "output left behind");
    }

    [Fact]
    public void Split_NpzOfAnotherDatasetType_IsRejected()
    {
        var npz = _temp.File("three.npz");
        File.Copy(Path.Combine(TestPaths.TestData, "numpy_savez.npz"), npz);

        var (code, _, stderr) = DeviceSimProcess.Run("split", "--dataset-type", "rml2016", "--data-path", npz, "--output-dir", _temp.File("data"));

        Assert.Equal(2, code);
        Assert.Contains("--dataset-type rml2016 expects classes [16QAM, 64QAM, 8PSK, BPSK, GMSK, QPSK] but", stderr, StringComparison.Ordinal);
    }
}
