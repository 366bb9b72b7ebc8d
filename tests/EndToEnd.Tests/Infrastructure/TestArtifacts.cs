using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;

namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>Tiny models and data for end-to-end tests: real formats, sizes that train in seconds.</summary>
public static class TestArtifacts
{
    public static readonly ModelSpec TinyTeacher = new("complex_resnet50", 6, 128, 0.125, [1, 1, 1, 1]);

    public static readonly ModelSpec TinyStudent = new("real_resnet20", 6, 128, 0.25, [1, 1, 1]);

    /// <summary>Writes a randomly initialised checkpoint of <paramref name="spec"/> for rml2016.</summary>
    public static string WriteCheckpoint(string path, ModelSpec spec, string preset, long seed = 11)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var model = ModelRegistry.Create(spec, seed);
        Checkpoint.Save(path, new CheckpointMetadata
        {
            Preset = preset,
            Model = spec,
            Dataset = "rml2016",
            Classes = DatasetCatalog.Rml2016.Classes,
            InputLength = spec.InputLength,
        }, model);
        return path;
    }

    /// <summary>Writes <c>{folder}/rml2016/{edge_1..n_data, test_data}.npz</c> of synthetic rml2016 data.</summary>
    public static string WriteSplit(string folder, int edges, int samplesPerClass, long seed = 5)
    {
        var split = Path.Combine(folder, "rml2016");
        Directory.CreateDirectory(split);
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        for (var e = 1; e <= edges; e++)
        {
            NpzDataset.Save(generator.Generate(new GenerationRequest { SamplesPerClass = samplesPerClass, Seed = seed + e, Snrs = [10, 14, 18] }), Path.Combine(split, $"edge_{e}_data.npz"));
        }

        NpzDataset.Save(generator.Generate(new GenerationRequest { SamplesPerClass = samplesPerClass, Seed = seed + 100, Snrs = [10, 14, 18] }), Path.Combine(split, "test_data.npz"));
        return split;
    }
}
