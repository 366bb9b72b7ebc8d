namespace CloudEdge.Learning.Data;

/// <summary>Applies an <see cref="InputNormalization"/> to samples and names it in files (<c>none</c>, <c>unit_power</c>).</summary>
public static class InputNormalizer
{
    /// <summary>The normalisation every trainer of the project uses unless told otherwise.</summary>
    public const InputNormalization Default = InputNormalization.UnitPower;

    /// <summary>Name used in checkpoints and JSON.</summary>
    public static string ToName(InputNormalization normalization) => normalization switch
    {
        InputNormalization.None => "none",
        InputNormalization.UnitPower => "unit_power",
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "unknown input normalisation"),
    };

    /// <summary>Parses a name written by <see cref="ToName"/>; throws <see cref="InvalidDataException"/> when unknown.</summary>
    public static InputNormalization Parse(string name) => name switch
    {
        "none" => InputNormalization.None,
        "unit_power" => InputNormalization.UnitPower,
        _ => throw new InvalidDataException($"unknown input normalisation '{name}' (known: none, unit_power)"),
    };

    /// <summary>Normalises one sample of <c>2·L</c> floats (I row then Q row) in place.</summary>
    public static void Apply(Span<float> sample, InputNormalization normalization)
    {
        if (normalization == InputNormalization.None || sample.IsEmpty)
        {
            return;
        }

        var length = sample.Length / 2;
        double power = 0;
        foreach (var v in sample)
        {
            power += (double)v * v;
        }

        // Mean of |z|² over the L complex samples.
        var rms = Math.Sqrt(power / Math.Max(1, length));
        if (rms < 1e-12 || !double.IsFinite(rms))
        {
            return;
        }

        var scale = (float)(1.0 / rms);
        foreach (ref var v in sample)
        {
            v *= scale;
        }
    }

    /// <summary>Normalises every sample of a row-major <c>[N, 2, L]</c> buffer in place.</summary>
    public static void ApplyAll(Span<float> samples, int length, InputNormalization normalization)
    {
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "sample length must be positive");
        }

        var size = 2 * length;
        if (samples.Length % size != 0)
        {
            throw new ArgumentException($"buffer of {samples.Length} floats is not a whole number of [2, {length}] samples", nameof(samples));
        }

        for (var offset = 0; offset < samples.Length; offset += size)
        {
            Apply(samples.Slice(offset, size), normalization);
        }
    }
}
