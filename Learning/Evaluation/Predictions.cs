namespace CloudEdge.Learning.Evaluation;

/// <summary>A model's outputs for N samples: predicted class, confidence (max softmax) and optionally logits / probabilities.</summary>
public sealed class Predictions
{
    public Predictions(int numClasses, long[] predicted, float[] confidence, float[]? logits = null, float[]? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(confidence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numClasses);
        if (confidence.Length != predicted.Length
            || (logits is not null && logits.Length != (long)predicted.Length * numClasses)
            || (probabilities is not null && probabilities.Length != (long)predicted.Length * numClasses))
        {
            throw new ArgumentException("prediction arrays disagree on the number of samples");
        }

        NumClasses = numClasses;
        Predicted = predicted;
        Confidence = confidence;
        Logits = logits;
        Probabilities = probabilities;
    }

    public int Count => Predicted.Length;

    public int NumClasses { get; }

    /// <summary>Arg-max class per sample.</summary>
    public long[] Predicted { get; }

    /// <summary>Max softmax probability per sample.</summary>
    public float[] Confidence { get; }

    /// <summary>Logits, row-major <c>[N, C]</c>, when requested.</summary>
    public float[]? Logits { get; }

    /// <summary>Softmax probabilities, row-major <c>[N, C]</c>, when requested.</summary>
    public float[]? Probabilities { get; }

    /// <summary>The logits of sample <paramref name="index"/>; throws when logits were not kept.</summary>
    public ReadOnlySpan<float> LogitsOf(int index) =>
        (Logits ?? throw new InvalidOperationException("logits were not kept (PredictOptions.KeepLogits)")).AsSpan(index * NumClasses, NumClasses);
}
