using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Training;

/// <summary>The per-epoch JSON log a <see cref="Trainer"/> writes (snake_case keys).</summary>
public sealed record TrainingLog
{
    public DateTimeOffset StartedUtc { get; init; }

    public required string Device { get; init; }

    public int TrainSamples { get; init; }

    public int ValSamples { get; init; }

    public required TrainerOptionsSnapshot Options { get; init; }

    /// <summary>Best epoch so far (1-based).</summary>
    public int BestEpoch { get; init; }

    public bool StoppedEarly { get; init; }

    /// <summary>True once the run has ended.</summary>
    public bool Finished { get; init; }

    public required IReadOnlyList<EpochRecord> Epochs { get; init; }

    /// <summary>Writes the log atomically.</summary>
    public void Write(string path) => LearningJson.Write(path, this);
}
