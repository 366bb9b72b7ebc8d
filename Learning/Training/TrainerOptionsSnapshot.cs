namespace CloudEdge.Learning.Training;

/// <summary>The serialisable part of <see cref="TrainerOptions"/>, recorded in the training log.</summary>
public sealed record TrainerOptionsSnapshot(
    int Epochs,
    int BatchSize,
    double LearningRate,
    double WeightDecay,
    LearningRateSchedule Schedule,
    int? Patience,
    long Seed,
    Data.InputNormalization Normalization,
    string Loss)
{
    public static TrainerOptionsSnapshot From(TrainerOptions options, ILossFunction loss)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loss);
        return new(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Schedule,
            options.Patience, options.Seed, options.Normalization, loss.GetType().Name);
    }
}
