namespace CloudEdge.Learning.Checkpoints;

/// <summary>How a checkpoint's weights were obtained; stored in its metadata.</summary>
public sealed record TrainingSummary
{
    /// <summary>How it was trained: <c>supervised</c>, <c>kd</c>, <c>federated</c>, ...</summary>
    public string Method { get; init; } = "supervised";

    /// <summary>Epochs asked for.</summary>
    public int Epochs { get; init; }

    /// <summary>Epochs actually run (fewer after an early stop).</summary>
    public int EpochsRun { get; init; }

    /// <summary>Epoch (1-based) whose weights were kept; 0 when unknown.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Validation accuracy of the kept weights, when a validation set was used.</summary>
    public double? BestValAccuracy { get; init; }

    /// <summary>Training accuracy of the last epoch run.</summary>
    public double? FinalTrainAccuracy { get; init; }

    /// <summary>Accuracy on the held-out test set, when measured.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Training throughput (samples per second, training steps only).</summary>
    public double SamplesPerSecond { get; init; }

    public long Seed { get; init; }

    public int BatchSize { get; init; }

    public double LearningRate { get; init; }

    public int TrainSamples { get; init; }

    public int ValSamples { get; init; }

    /// <summary>Device trained on (<c>cpu</c>, <c>cuda</c>).</summary>
    public string? Device { get; init; }
}
