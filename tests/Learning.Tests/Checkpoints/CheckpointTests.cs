using System.IO.Compression;
using System.Text.Json.Nodes;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Tests.Training;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private static readonly string[] Classes = ["16QAM", "64QAM", "8PSK"];
    private readonly string _folder = Directory.CreateTempSubdirectory("ckpt-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_SavedCheckpoint_RoundTripsMetadataAndOutputs()
    {
        using var scope = NewDisposeScope();
        using var model = new TinyNet(3, seed: 3);
        var path = Path.Combine(_folder, "sub", "model.ckpt");
        var written = Checkpoint.Save(path, Metadata(), model);

        var loaded = Checkpoint.Load(path, new CheckpointExpectation("rml2016", Classes, "real_resnet20", 64));
        using var copy = (TinyNet)loaded.CreateModel(_ => new TinyNet(3, seed: 9));

        Assert.Equal(written, loaded.Metadata with { Classes = written.Classes, Model = written.Model });
        Assert.Equal(Classes, loaded.Metadata.Classes);
        Assert.Equal(new ModelSpec("real_resnet20", 3, 64, 0.25, [1, 1, 1]).Depth, loaded.Metadata.Model.Depth);
        Assert.Equal(InputNormalization.UnitPower, loaded.Metadata.Normalization);
        Assert.Equal(model.parameters().Sum(p => p.numel()), loaded.Metadata.ParameterCount);
        Assert.Equal(0.875, loaded.Metadata.Training!.BestValAccuracy);
        Assert.False(copy.training);
        model.eval();
        var input = randn(5, 2, 64);
        Assert.Equal(model.call(input).data<float>().ToArray(), copy.call(input).data<float>().ToArray());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Save_MetadataJson_UsesSnakeCaseKeys()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);

        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("metadata.json")!.Open();
        var json = JsonNode.Parse(stream)!.AsObject();

        Assert.Equal(1, (int)json["format_version"]!);
        Assert.Equal("rml2016", (string)json["dataset"]!);
        Assert.Equal("unit_power", (string)json["normalization"]!);
        Assert.Equal(3, (int)json["model"]!["num_classes"]!);
        Assert.Equal(64, (int)json["input_length"]!);
        Assert.Equal(12345, (long)json["training"]!["seed"]!);
        Assert.NotNull(json["weights_sha256"]);
        Assert.NotNull(json["created_utc"]);
    }

    [Theory]
    [InlineData("link11", null, null, null, "dataset 'rml2016', expected 'link11'")]
    [InlineData(null, "complex_resnet50", null, null, "'real_resnet20_rml2016' model, expected 'complex_resnet50'")]
    [InlineData(null, "complex_resnet50_rml2016", null, null, "expected 'complex_resnet50_rml2016'")]
    [InlineData(null, null, "BPSK,QPSK,8PSK", null, "expected [BPSK, QPSK, 8PSK]")]
    [InlineData(null, null, "16QAM,64QAM", null, "classes [16QAM, 64QAM, 8PSK]")]
    [InlineData(null, null, null, 128, "length 64, expected 128")]
    public void Load_MismatchingExpectation_ThrowsOneLineNamingTheFile(string? dataset, string? architecture, string? classes, int? length, string expected)
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);

        var error = Assert.Throws<InvalidDataException>(() =>
            Checkpoint.Load(path, new CheckpointExpectation(dataset, classes?.Split(','), architecture, length)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_MatchingExpectationGivenAsPresetAndRadioMlNames_Passes()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);

        var loaded = Checkpoint.Load(path, new CheckpointExpectation("RML2016", ["QAM16", "QAM64", "8psk"], "real_resnet20_rml2016"));

        Assert.Equal("real_resnet20", loaded.Metadata.Architecture);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(_folder, "absent.ckpt");

        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsCorrupt()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);
        var bytes = File.ReadAllBytes(path);

        foreach (var keep in new[] { 0, 10, bytes.Length / 2, bytes.Length - 30 })
        {
            File.WriteAllBytes(path, bytes[..keep]);
            var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_AlteredWeights_ThrowsShaMismatch()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);
        var weights = ModelWeights.FromModule(model);
        var altered = new ModelWeights(weights.Select(t => t.Float32 is { } f ? new WeightTensor(t.Name, t.Shape, f.Select(v => v + 1f).ToArray()) : t));
        Rewrite(path, "weights.bin", altered.ToBytes());

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NewerFormatVersion_ThrowsNamingTheVersion()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);
        var json = ReadEntry(path, "metadata.json").Replace("\"format_version\": 1", "\"format_version\": 7", StringComparison.Ordinal);
        Rewrite(path, "metadata.json", System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadMetadata(path));

        Assert.Contains("format version 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ClassCountDisagreesWithModelSpec_Throws()
    {
        using var model = new TinyNet(3);
        var bad = Metadata() with { Classes = ["a", "b"] };

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Save(Path.Combine(_folder, "m.ckpt"), bad, model));

        Assert.Contains("2 class names for a model of 3 classes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void CreateModel_FactoryBuildsAnotherShape_ThrowsNamingTheCheckpoint()
    {
        using var model = new TinyNet(3);
        var path = Path.Combine(_folder, "m.ckpt");
        Checkpoint.Save(path, Metadata(), model);
        var loaded = Checkpoint.Load(path);

        var error = Assert.Throws<InvalidDataException>(() => loaded.CreateModel(_ => new TinyNet(3, channels: 4)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static CheckpointMetadata Metadata() => new()
    {
        Preset = "real_resnet20_rml2016",
        Model = new ModelSpec("real_resnet20", 3, 64, 0.25, [1, 1, 1]),
        Dataset = "rml2016",
        Classes = Classes,
        InputLength = 64,
        Training = new TrainingSummary { Epochs = 4, EpochsRun = 3, BestEpoch = 2, BestValAccuracy = 0.875, Seed = 12345 },
    };

    private static string ReadEntry(string path, string name)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Rewrite(string path, string name, byte[] content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(name)!.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
