using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;

namespace CloudEdge.Grains.Tests;

/// <summary>A tiny complex-ResNet teacher checkpoint for rml2016 (random weights), written to a temporary folder.</summary>
internal static class TinyTeacher
{
    public static readonly ModelSpec Spec = new("complex_resnet50", 6, 128, 0.125, [1, 1, 1, 1]);

    public static string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "teacher" + Checkpoint.Extension);
        using var model = ModelRegistry.Create(Spec, 11);
        Checkpoint.Save(path, new CheckpointMetadata
        {
            Preset = "complex_resnet50_rml2016",
            Model = Spec,
            Dataset = "rml2016",
            Classes = DatasetCatalog.Rml2016.Classes,
            InputLength = 128,
        }, model);
        return path;
    }
}
