using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Training;

/// <summary>
/// One supervised training run from data to checkpoint (cloud pretraining, the edge baseline): which model,
/// which data, how to train, where to write.
/// </summary>
public sealed record SupervisedJob
{
    /// <summary>Dataset id the data belongs to (<c>rml2016</c>, <c>link11</c>, <c>radar</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Registry preset or family, e.g. <c>complex_resnet50_rml2016</c> or <c>real_resnet20</c>.</summary>
    public required string Preset { get; init; }

    /// <summary>Width multiplier; 1 = the published widths.</summary>
    public double Width { get; init; } = 1.0;

    /// <summary>Blocks per stage; null = the published depth.</summary>
    public IReadOnlyList<int>? Depth { get; init; }

    /// <summary>Labelled data to train on; <see cref="ValRatio"/> of it is held out for validation.</summary>
    public required SignalDataset Data { get; init; }

    /// <summary>Held-out test data scored after training (classes picked by name); null = none.</summary>
    public SignalDataset? Test { get; init; }

    /// <summary>Share of <see cref="Data"/> held out (stratified) for validation; 0 = no validation.</summary>
    public double ValRatio { get; init; } = 0.1;

    public required TrainerOptions Trainer { get; init; }

    /// <summary>Seed of the model's initial weights; null = <see cref="TrainerOptions.Seed"/>.</summary>
    public long? ModelSeed { get; init; }

    /// <summary>
    /// Checkpoint whose weights training starts from (continuing or fine-tuning a run) instead of a seeded
    /// initialisation; it must hold the same model (architecture, width, depth) for the same dataset and
    /// classes. Null = start from <see cref="ModelSeed"/>.
    /// </summary>
    public string? InitialCheckpoint { get; init; }

    /// <summary>Checkpoint to write; the metrics (<c>.metrics.json</c>) and epoch log (<c>.log.json</c>) go next to it.</summary>
    public required string OutputPath { get; init; }

    /// <summary>
    /// Builds the objective for the training part (the data left after the validation hold-out; batch indices
    /// refer to it), e.g. a distillation loss over cached teacher logits; null = cross-entropy.
    /// </summary>
    public Func<SignalDataset, ILossFunction>? LossFactory { get; init; }

    /// <summary>Recorded in the checkpoint's training summary.</summary>
    public string Method { get; init; } = "supervised";

    /// <summary><c>models/x/model.ckpt</c> → <c>models/x/model.metrics.json</c>.</summary>
    public string MetricsPath => SiblingPath(OutputPath, ".metrics.json");

    /// <summary><c>models/x/model.ckpt</c> → <c>models/x/model.log.json</c>.</summary>
    public string LogPath => SiblingPath(OutputPath, ".log.json");

    /// <summary>The path with its extension replaced by <paramref name="suffix"/>.</summary>
    public static string SiblingPath(string path, string suffix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + suffix);
    }
}
