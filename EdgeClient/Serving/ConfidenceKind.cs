namespace CloudEdge.EdgeClient.Serving;

/// <summary>How the edge scores its confidence in a prediction (higher = more confident, always in [0, 1]).</summary>
public enum ConfidenceKind
{
    /// <summary>The largest softmax probability (the reference's rule).</summary>
    Max,

    /// <summary>One minus the softmax entropy divided by ln C: 1 for a one-hot output, 0 for a uniform one.</summary>
    Entropy,

    /// <summary>The gap between the largest and the second largest softmax probability.</summary>
    Margin,
}
