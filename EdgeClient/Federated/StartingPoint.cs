using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// The weights an edge brings to round 0: its KD model when it has one (the federation then starts from the average
/// of the edges' KD models), else the shared initial student — built from the same preset, size and seed on every
/// edge, hence identical everywhere.
/// </summary>
/// <param name="Spec">The model.</param>
/// <param name="Weights">The starting weights.</param>
/// <param name="Normalization">Input scaling the weights expect.</param>
/// <param name="Description">Where the weights come from, for messages and the rounds file.</param>
internal sealed record StartingPoint(ModelSpec Spec, ModelWeights Weights, InputNormalization Normalization, string Description)
{
    /// <summary>Loads the KD checkpoint at <paramref name="kdModelPath"/> (checked against the data), or builds the shared initial student.</summary>
    public static StartingPoint Create(string? kdModelPath, FederatedSettings settings, SignalDataset train)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(train);
        var student = settings.Student;
        if (kdModelPath is not null)
        {
            var family = ModelRegistry.Family(student.Preset);
            var checkpoint = Checkpoint.Load(kdModelPath, new CheckpointExpectation(student.Dataset.Id, train.Classes, family, train.Length));
            return new StartingPoint(checkpoint.Metadata.Model, checkpoint.Weights, checkpoint.Metadata.Normalization, $"KD model {kdModelPath}");
        }

        var spec = SupervisedTraining.ResolveSpec(student.Preset, student.Dataset.Id, train, student.Width, student.Depth);
        using var model = ModelRegistry.Create(spec, student.Seed);
        return new StartingPoint(spec, ModelWeights.FromModule(model), student.Trainer.Normalization, $"shared initial student (seed {student.Seed})");
    }
}
