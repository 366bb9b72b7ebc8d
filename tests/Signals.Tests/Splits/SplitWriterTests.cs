using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using CloudEdge.Signals.Splits;
using CloudEdge.Signals.Tests.IO;

namespace CloudEdge.Signals.Tests.Splits;

public sealed class SplitWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SignalDataset Dataset()
    {
        const int n = 240;
        var x = Enumerable.Range(0, n * 2 * 4).Select(i => (float)i).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (long)(i % 6)).ToArray();
        var snr = Enumerable.Range(0, n).Select(i => i % 20).ToArray();
        return new SignalDataset(x, y, snr, DatasetCatalog.Rml2016.Classes, 4, "rml2016");
    }

    [Fact]
    public void Write_CreatesTheFilesAndAManifestThatMatchTheSplit()
    {
        var dataset = Dataset();
        var options = new SplitOptions { NumEdges = 3, Seed = 3 };
        var split = DatasetSplitter.Split(dataset, options);
        var source = _temp.File("source.npz");
        NpzDataset.Save(dataset, source);

        var manifest = SplitWriter.Write(dataset, split, options, _temp.File("out"), "rml2016", SplitSource.Describe(source));

        var folder = _temp.File(Path.Combine("out", "rml2016"));
        Assert.Equal(
            ["cloud_data.npz", "edge_1_data.npz", "edge_2_data.npz", "edge_3_data.npz", SplitManifest.FileName, "test_data.npz"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var edge2 = NpzDataset.Load(Path.Combine(folder, "edge_2_data.npz"));
        Assert.Equal(dataset.Subset(split.Edges[1]).X, edge2.X);
        Assert.Equal(dataset.Subset(split.Edges[1]).Snr, edge2.Snr);
        Assert.Equal("rml2016", edge2.Name);
        var back = SplitManifest.FromJson(File.ReadAllText(Path.Combine(folder, SplitManifest.FileName)));
        Assert.Equal(["cloud", "edge_1", "edge_2", "edge_3", "test"], back.Parts.Select(p => p.Name));
        Assert.Equal(SplitStatistics.ClassCounts(dataset, split.Edges[2]), back.Parts[3].PerClass);
        Assert.Equal(manifest.Source.Sha256, back.Source.Sha256);
        Assert.Equal(64, back.Source.Sha256!.Length);
        Assert.Equal(0.3, back.DirichletAlpha);
        Assert.Equal(3, back.Seed);
        Assert.Single(Directory.GetFileSystemEntries(_temp.File("out")));
    }

    [Fact]
    public void Write_AgainWithFewerEdges_RemovesTheStaleEdgeFiles()
    {
        var dataset = Dataset();
        var source = _temp.File("source.npz");
        NpzDataset.Save(dataset, source);
        var four = new SplitOptions { NumEdges = 4 };
        SplitWriter.Write(dataset, DatasetSplitter.Split(dataset, four), four, _temp.Path, "rml2016", SplitSource.Describe(source));
        var folder = _temp.File("rml2016");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "kept");

        var two = new SplitOptions { NumEdges = 2 };
        SplitWriter.Write(dataset, DatasetSplitter.Split(dataset, two), two, _temp.Path, "rml2016", SplitSource.Describe(source));

        Assert.Equal(
            ["cloud_data.npz", "edge_1_data.npz", "edge_2_data.npz", "notes.txt", SplitManifest.FileName, "test_data.npz"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, SplitManifest.FromJson(File.ReadAllText(Path.Combine(folder, SplitManifest.FileName))).NumEdges);
    }

    [Fact]
    public void Write_BadDatasetName_Throws()
    {
        var dataset = Dataset();
        var options = new SplitOptions();

        Assert.Throws<ArgumentException>(() => SplitWriter.Write(dataset, DatasetSplitter.Split(dataset, options), options, _temp.Path, "../x", new SplitSource("s", 0, DateTime.UtcNow, null)));
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }
}
