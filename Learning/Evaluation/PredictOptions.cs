using CloudEdge.Learning.Data;

namespace CloudEdge.Learning.Evaluation;

/// <summary>How <see cref="Predictor"/> runs a model over many samples.</summary>
public sealed record PredictOptions
{
    public int BatchSize { get; init; } = 256;

    /// <summary>Input scaling; must be the checkpoint's (<c>CheckpointMetadata.Normalization</c>).</summary>
    public InputNormalization Normalization { get; init; } = InputNormalizer.Default;

    /// <summary>Keep every sample's logits in <see cref="Predictions.Logits"/>.</summary>
    public bool KeepLogits { get; init; }

    /// <summary>Keep every sample's softmax in <see cref="Predictions.Probabilities"/>.</summary>
    public bool KeepProbabilities { get; init; }
}
