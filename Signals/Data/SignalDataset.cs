namespace CloudEdge.Signals.Data;

/// <summary>
/// A labelled set of complex-baseband IQ vectors stored as float32 <c>[N, 2, L]</c> (row 0 = I, row 1 = Q),
/// contiguous in <see cref="X"/>, with int64 labels, optional per-sample SNR (dB) and class names.
/// </summary>
public sealed class SignalDataset
{
    public SignalDataset(float[] x, long[] y, int[]? snr, IReadOnlyList<string> classes, int length, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(classes);
        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "sample length must be positive");
        }

        if (x.Length != (long)y.Length * 2 * length)
        {
            throw new ArgumentException($"X holds {x.Length} floats but {y.Length} samples of [2, {length}] need {(long)y.Length * 2 * length}", nameof(x));
        }

        if (snr is not null && snr.Length != y.Length)
        {
            throw new ArgumentException($"snr has {snr.Length} entries for {y.Length} samples", nameof(snr));
        }

        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] < 0 || y[i] >= classes.Count)
            {
                throw new ArgumentException($"label {y[i]} of sample {i} is outside the {classes.Count} classes", nameof(y));
            }
        }

        X = x;
        Y = y;
        Snr = snr;
        Classes = classes;
        Length = length;
        Name = name;
    }

    /// <summary>IQ data, <c>[N, 2, L]</c> row-major.</summary>
    public float[] X { get; }

    /// <summary>Class index per sample.</summary>
    public long[] Y { get; }

    /// <summary>SNR in dB per sample, or null when unknown.</summary>
    public int[]? Snr { get; }

    /// <summary>Class names; label k names <c>Classes[k]</c>.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Samples per vector (L).</summary>
    public int Length { get; }

    /// <summary>Dataset id (rml2016, link11, radar) when known.</summary>
    public string? Name { get; }

    public int Count => Y.Length;

    /// <summary>Floats per sample (2·L).</summary>
    public int SampleSize => 2 * Length;

    /// <summary>The <c>[2, L]</c> floats of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Sample(int index) => X.AsSpan(index * SampleSize, SampleSize);

    /// <summary>A new dataset holding the given samples, in the given order.</summary>
    public SignalDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var x = new float[(long)indices.Count * SampleSize];
        var y = new long[indices.Count];
        var snr = Snr is null ? null : new int[indices.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            var i = indices[k];
            Sample(i).CopyTo(x.AsSpan(k * SampleSize, SampleSize));
            y[k] = Y[i];
            if (snr is not null)
            {
                snr[k] = Snr![i];
            }
        }

        return new SignalDataset(x, y, snr, Classes, Length, Name);
    }

    /// <summary>Number of samples per class.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var label in Y)
        {
            counts[label]++;
        }

        return counts;
    }
}
