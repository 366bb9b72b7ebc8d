using CloudEdge.Learning.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>Settings of one <see cref="Trainer"/> run (Adam, a learning-rate schedule, validation and early stop).</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;

    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's base learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam's (L2) weight decay.</summary>
    public double WeightDecay { get; init; }

    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Lowest rate of the cosine schedule.</summary>
    public double MinLearningRate { get; init; }

    /// <summary>Epochs between decays of the step schedule.</summary>
    public int StepSize { get; init; } = 30;

    /// <summary>Decay factor of the step schedule.</summary>
    public double StepGamma { get; init; } = 0.1;

    /// <summary>Stop after this many epochs without a better validation result; null = never stop early.</summary>
    public int? Patience { get; init; }

    /// <summary>Load the best validation epoch's weights back into the model at the end (when validating).</summary>
    public bool RestoreBest { get; init; } = true;

    /// <summary>Clip the gradient norm to this value; null = no clipping.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>Seeds torch's generator and the batch shuffling.</summary>
    public long Seed { get; init; }

    public InputNormalization Normalization { get; init; } = InputNormalizer.Default;

    /// <summary>Write the per-epoch JSON log here (rewritten atomically after every epoch); null = no log.</summary>
    public string? LogPath { get; init; }

    /// <summary>Device to train on; null = CUDA when available, else CPU.</summary>
    public Device? Device { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(Epochs > 0, $"epochs must be positive (got {Epochs})");
        Require(BatchSize > 0, $"batch size must be positive (got {BatchSize})");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"learning rate must be positive (got {LearningRate})");
        Require(WeightDecay >= 0, $"weight decay must not be negative (got {WeightDecay})");
        Require(MinLearningRate >= 0 && MinLearningRate <= LearningRate, $"minimum learning rate must lie in [0, learning rate] (got {MinLearningRate})");
        Require(StepSize > 0, $"step size must be positive (got {StepSize})");
        Require(StepGamma > 0 && StepGamma <= 1, $"step factor must lie in (0, 1] (got {StepGamma})");
        Require(Patience is null or > 0, $"patience must be positive (got {Patience})");
        Require(MaxGradNorm is null or > 0, $"gradient-norm limit must be positive (got {MaxGradNorm})");
    }

    /// <summary>Learning rate of epoch <paramref name="epoch"/> (0-based).</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Constant => LearningRate,
        LearningRateSchedule.Cosine => MinLearningRate + ((LearningRate - MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * epoch / Epochs))),
        LearningRateSchedule.Step => LearningRate * Math.Pow(StepGamma, epoch / StepSize),
        _ => throw new ArgumentOutOfRangeException(nameof(epoch), Schedule, "unknown schedule"),
    };
}
