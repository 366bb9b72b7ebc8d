using CloudEdge.Learning.Data;
using CloudEdge.Learning.Models;

namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// What a checkpoint holds besides the weights: enough to rebuild the model (<see cref="Model"/>), to feed it
/// the right data (<see cref="Dataset"/>, <see cref="Classes"/>, <see cref="InputLength"/>,
/// <see cref="Normalization"/>) and to tell how it was trained. Stored as <c>metadata.json</c> (snake_case).
/// </summary>
public sealed record CheckpointMetadata
{
    /// <summary>Version of the checkpoint layout; see <see cref="Checkpoint.FormatVersion"/>.</summary>
    public int FormatVersion { get; init; } = Checkpoint.FormatVersion;

    /// <summary>Registry name the model was created from, e.g. <c>real_resnet20_rml2016</c>.</summary>
    public required string Preset { get; init; }

    /// <summary>Architecture family and options (width, depth, classes, input length).</summary>
    public required ModelSpec Model { get; init; }

    /// <summary>Dataset id (<c>rml2016</c>, <c>link11</c>, <c>radar</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Class names in output order: logit k is <c>Classes[k]</c>.</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Samples per IQ vector the model takes.</summary>
    public required int InputLength { get; init; }

    /// <summary>Scaling applied to each input before the model (see <see cref="InputNormalizer"/>).</summary>
    public InputNormalization Normalization { get; init; } = InputNormalizer.Default;

    public TrainingSummary? Training { get; init; }

    /// <summary>Trainable parameters of the model.</summary>
    public long ParameterCount { get; init; }

    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>SHA-256 (hex) of the encoded weights; set by <see cref="Checkpoint.Save(string, CheckpointMetadata, ModelWeights)"/>.</summary>
    public string? WeightsSha256 { get; init; }

    /// <summary>The architecture family, <c>Model.Architecture</c> (e.g. <c>real_resnet20</c>).</summary>
    public string Architecture => Model.Architecture;
}
