namespace CloudEdge.EdgeClient.Serving;

/// <summary>Turns softmax outputs into the confidence score a <see cref="ConfidenceKind"/> asks for.</summary>
public static class ConfidenceScores
{
    /// <summary>Parses <c>max</c>, <c>entropy</c> or <c>margin</c> (case-insensitive).</summary>
    public static ConfidenceKind Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToUpperInvariant() switch
        {
            "MAX" => ConfidenceKind.Max,
            "ENTROPY" => ConfidenceKind.Entropy,
            "MARGIN" => ConfidenceKind.Margin,
            _ => throw new ArgumentException($"--confidence: '{text}' is not one of max, entropy, margin"),
        };
    }

    /// <summary>Whether the score needs every class's probability (not only the largest).</summary>
    public static bool NeedsProbabilities(ConfidenceKind kind) => kind != ConfidenceKind.Max;

    /// <summary>
    /// The score of one sample from its softmax row <paramref name="probabilities"/> (length C ≥ 2).
    /// </summary>
    public static float Score(ConfidenceKind kind, ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length < 2)
        {
            throw new ArgumentException($"a softmax row needs at least 2 classes, got {probabilities.Length}", nameof(probabilities));
        }

        switch (kind)
        {
            case ConfidenceKind.Max:
                return Max(probabilities);
            case ConfidenceKind.Margin:
                float first = float.NegativeInfinity, second = float.NegativeInfinity;
                foreach (var p in probabilities)
                {
                    if (p > first)
                    {
                        (first, second) = (p, first);
                    }
                    else if (p > second)
                    {
                        second = p;
                    }
                }

                return Math.Clamp(first - second, 0f, 1f);
            case ConfidenceKind.Entropy:
                double entropy = 0;
                foreach (var p in probabilities)
                {
                    if (p > 0)
                    {
                        entropy -= p * Math.Log(p);
                    }
                }

                return (float)Math.Clamp(1 - (entropy / Math.Log(probabilities.Length)), 0, 1);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown confidence kind");
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
