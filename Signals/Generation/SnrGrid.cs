namespace CloudEdge.Signals.Generation;

/// <summary>SNR grids in whole dB.</summary>
public static class SnrGrid
{
    /// <summary>RadioML 2016: −20 … 18 dB in steps of 2.</summary>
    public static IReadOnlyList<int> Rml2016 { get; } = Range(-20, 18, 2);

    /// <summary><paramref name="min"/>, min + step, … up to and including <paramref name="max"/> when it lies on the grid.</summary>
    public static int[] Range(int min, int max, int step)
    {
        if (step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"SNR step must be positive (got {step})");
        }

        if (max < min)
        {
            throw new ArgumentException($"SNR maximum {max} is below the minimum {min}", nameof(max));
        }

        var values = new int[((max - min) / step) + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = min + (i * step);
        }

        return values;
    }
}
