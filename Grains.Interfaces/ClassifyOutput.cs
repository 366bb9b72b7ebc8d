namespace CloudEdge.Grains.Interfaces;

/// <summary>What <see cref="ITeacherGrain.Classify"/> returns besides predictions and confidences.</summary>
[GenerateSerializer]
public enum ClassifyOutput
{
    /// <summary>Predictions and confidences only (smallest answer).</summary>
    Predictions = 0,

    /// <summary>Also the softmax probabilities.</summary>
    Probabilities = 1,

    /// <summary>Also the raw logits.</summary>
    Logits = 2,
}
