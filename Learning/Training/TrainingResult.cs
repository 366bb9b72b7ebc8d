using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Training;

/// <summary>Outcome of <see cref="Trainer.Fit"/>.</summary>
public sealed record TrainingResult
{
    /// <summary>Every epoch run, in order.</summary>
    public required IReadOnlyList<EpochRecord> Epochs { get; init; }

    /// <summary>1-based epoch whose weights the model holds at the end (the last one without validation).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation accuracy of <see cref="BestEpoch"/>, when validating.</summary>
    public double? BestValAccuracy { get; init; }

    /// <summary>Validation loss of <see cref="BestEpoch"/>, when validating.</summary>
    public double? BestValLoss { get; init; }

    /// <summary>True when early stopping ended the run before the planned epochs.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Training samples per second over the whole run (training steps only).</summary>
    public double SamplesPerSecond { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public double Seconds { get; init; }

    /// <summary>Device trained on (<c>cpu</c>, <c>cuda</c>, ...).</summary>
    public required string Device { get; init; }

    public int TrainSamples { get; init; }

    public int ValSamples { get; init; }

    /// <summary>The summary stored in a checkpoint's metadata.</summary>
    public TrainingSummary ToSummary(TrainerOptions options, string method = "supervised")
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TrainingSummary
        {
            Method = method,
            Epochs = options.Epochs,
            EpochsRun = Epochs.Count,
            BestEpoch = BestEpoch,
            BestValAccuracy = BestValAccuracy,
            FinalTrainAccuracy = Epochs.Count > 0 ? Epochs[^1].TrainAccuracy : null,
            SamplesPerSecond = SamplesPerSecond,
            Seed = options.Seed,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            TrainSamples = TrainSamples,
            ValSamples = ValSamples,
            Device = Device,
        };
    }
}
