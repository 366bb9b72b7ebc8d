using System.Numerics;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// The pure, coordinate-wise maths behind the aggregation strategies, over one tensor's flattened values from
/// <c>n</c> clients (<c>inputs[i]</c> is client i's tensor; all of one length, equal to the destination's).
/// Allocation-free (chunked stack buffers) and vectorised with <see cref="Vector{T}"/>. Inputs are expected
/// finite (the strategies validate first); results for NaN inputs are unspecified.
/// </summary>
public static class AggregationMath
{
    /// <summary>Clients up to which median and trimmed mean sort lanes with SIMD min/max; above, per coordinate.</summary>
    private const int MaxVectorSortClients = 32;

    /// <summary>Coordinates per accumulation chunk (a stack buffer of doubles that stays in L1).</summary>
    private const int Chunk = 1024;

    /// <summary>
    /// FedAvg's rule: <c>destination[j] = Σᵢ wᵢ·xᵢ[j] / Σᵢ wᵢ</c>, accumulated in double and rounded once. With
    /// integer weights (example counts, total below 2²⁹) the mean of identical inputs is exactly that input.
    /// </summary>
    /// <param name="inputs">Each client's values (at least one).</param>
    /// <param name="weights">Each client's weight (finite, ≥ 0, positive total), e.g. its example count.</param>
    /// <param name="destination">Receives the weighted mean.</param>
    public static void WeightedMean(ReadOnlySpan<float[]> inputs, ReadOnlySpan<double> weights, Span<float> destination)
    {
        CheckInputs(inputs, destination.Length);
        if (weights.Length != inputs.Length)
        {
            throw new ArgumentException($"weighted mean: {inputs.Length} inputs but {weights.Length} weights");
        }

        double total = 0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"weighted mean: weights must be finite and non-negative (got {w})");
            }

            total += w;
        }

        if (total <= 0)
        {
            throw new ArgumentException("weighted mean: the weights sum to zero");
        }

        Span<double> buffer = stackalloc double[Chunk];
        for (var start = 0; start < destination.Length; start += Chunk)
        {
            var length = Math.Min(Chunk, destination.Length - start);
            var sum = buffer[..length];
            sum.Clear();
            for (var i = 0; i < inputs.Length; i++)
            {
                if (weights[i] != 0)
                {
                    AddScaled(inputs[i].AsSpan(start, length), weights[i], sum);
                }
            }

            Divide(sum, total, destination.Slice(start, length));
        }
    }

    /// <summary>
    /// Coordinate-wise median (unweighted): the middle value of each coordinate over the clients, or the mean of
    /// the two middle values when the number of clients is even (numpy's convention).
    /// </summary>
    public static void Median(ReadOnlySpan<float[]> inputs, Span<float> destination)
    {
        CheckInputs(inputs, destination.Length);
        var n = inputs.Length;
        MeanOfSortedRange(inputs, (n - 1) / 2, (n / 2) + 1, destination);
    }

    /// <summary>
    /// Coordinate-wise trimmed mean (unweighted): per coordinate, drop the <c>k = ⌊β·n⌋</c> smallest and the
    /// <c>k</c> largest of the <c>n</c> client values and average the rest (scipy's <c>trim_mean</c>). β = 0 is the
    /// plain mean; it tolerates up to <c>k</c> arbitrary (Byzantine) clients.
    /// </summary>
    /// <param name="inputs">Each client's values (at least one).</param>
    /// <param name="trimFraction">β in [0, 0.5).</param>
    /// <param name="destination">Receives the trimmed mean.</param>
    public static void TrimmedMean(ReadOnlySpan<float[]> inputs, double trimFraction, Span<float> destination)
    {
        CheckInputs(inputs, destination.Length);
        var k = TrimCount(inputs.Length, trimFraction);
        MeanOfSortedRange(inputs, k, inputs.Length - k, destination);
    }

    /// <summary>
    /// Values trimmed from each end by <see cref="TrimmedMean"/>: <c>⌊β·n⌋</c> (with a 1e-9 allowance so that e.g.
    /// 0.29·100 counts as 29). Throws <see cref="ArgumentException"/> unless β lies in [0, 0.5) and n ≥ 1.
    /// </summary>
    public static int TrimCount(int count, double trimFraction)
    {
        if (!(trimFraction >= 0 && trimFraction < 0.5))
        {
            throw new ArgumentException($"trim fraction must lie in [0, 0.5) (got {trimFraction})");
        }

        if (count < 1)
        {
            throw new ArgumentException($"trimmed mean needs at least one value (got {count})");
        }

        return (int)Math.Floor((trimFraction * count) + 1e-9);
    }

    /// <summary>
    /// Coordinate-wise maximum of integer tensors. Used for counters such as batch norm's
    /// <c>num_batches_tracked</c>, which are not meaningful to average: the maximum keeps them monotone.
    /// </summary>
    public static void Max(ReadOnlySpan<long[]> inputs, Span<long> destination)
    {
        if (inputs.IsEmpty)
        {
            throw new ArgumentException("aggregation needs at least one input");
        }

        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            if (input.Length != destination.Length)
            {
                throw new ArgumentException($"input of {input.Length} values does not match the destination's {destination.Length}");
            }
        }

        inputs[0].AsSpan().CopyTo(destination);
        var width = Vector<long>.Count;
        for (var i = 1; i < inputs.Length; i++)
        {
            var source = inputs[i].AsSpan();
            var j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; j <= destination.Length - width; j += width)
                {
                    Vector.Max(new Vector<long>(destination[j..]), new Vector<long>(source[j..])).CopyTo(destination[j..]);
                }
            }

            for (; j < destination.Length; j++)
            {
                destination[j] = Math.Max(destination[j], source[j]);
            }
        }
    }

    /// <summary>True when every value is finite (no NaN, no ±Inf); vectorised.</summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; j <= values.Length - width; j += width)
            {
                // x − x is +0 for every finite x and NaN for NaN and ±Inf.
                var v = new Vector<float>(values[j..]);
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    return false;
                }
            }
        }

        for (; j < values.Length; j++)
        {
            if (!float.IsFinite(values[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per coordinate: sort the n client values and average those at sorted positions [from, to).</summary>
    private static void MeanOfSortedRange(ReadOnlySpan<float[]> inputs, int from, int to, Span<float> destination)
    {
        var n = inputs.Length;
        var j = 0;
        if (Vector.IsHardwareAccelerated && n <= MaxVectorSortClients)
        {
            var width = Vector<float>.Count;
            Span<Vector<float>> lanes = stackalloc Vector<float>[n];
            var count = new Vector<double>(to - from);
            for (; j <= destination.Length - width; j += width)
            {
                for (var i = 0; i < n; i++)
                {
                    lanes[i] = new Vector<float>(inputs[i].AsSpan(j));
                }

                SortLanes(lanes);
                Vector<double> low = Vector<double>.Zero, high = Vector<double>.Zero;
                for (var r = from; r < to; r++)
                {
                    Vector.Widen(lanes[r], out var lo, out var hi);
                    low += lo;
                    high += hi;
                }

                Vector.Narrow(low / count, high / count).CopyTo(destination[j..]);
            }
        }

        if (j == destination.Length)
        {
            return;
        }

        Span<float> column = n <= 256 ? stackalloc float[n] : new float[n];
        for (; j < destination.Length; j++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = inputs[i][j];
            }

            column.Sort();
            double sum = 0;
            for (var r = from; r < to; r++)
            {
                sum += column[r];
            }

            destination[j] = (float)(sum / (to - from));
        }
    }

    /// <summary>
    /// Sorts each SIMD lane across the n vectors (odd–even transposition network: n rounds of compare-exchange
    /// with <see cref="Vector.Min{T}"/>/<see cref="Vector.Max{T}"/>), i.e. sorts many coordinates at once.
    /// </summary>
    private static void SortLanes(Span<Vector<float>> lanes)
    {
        var n = lanes.Length;
        for (var round = 0; round < n; round++)
        {
            for (var i = round & 1; i + 1 < n; i += 2)
            {
                var a = lanes[i];
                var b = lanes[i + 1];
                lanes[i] = Vector.Min(a, b);
                lanes[i + 1] = Vector.Max(a, b);
            }
        }
    }

    /// <summary><c>sum += weight · values</c>, widening to double.</summary>
    private static void AddScaled(ReadOnlySpan<float> values, double weight, Span<double> sum)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var half = Vector<double>.Count;
            var w = new Vector<double>(weight);
            for (; j <= values.Length - width; j += width)
            {
                Vector.Widen(new Vector<float>(values[j..]), out var lo, out var hi);
                (new Vector<double>(sum[j..]) + (lo * w)).CopyTo(sum[j..]);
                (new Vector<double>(sum[(j + half)..]) + (hi * w)).CopyTo(sum[(j + half)..]);
            }
        }

        for (; j < values.Length; j++)
        {
            sum[j] += weight * values[j];
        }
    }

    /// <summary><c>destination = (float)(sum / total)</c>.</summary>
    private static void Divide(ReadOnlySpan<double> sum, double total, Span<float> destination)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            var half = Vector<double>.Count;
            var t = new Vector<double>(total);
            for (; j <= sum.Length - width; j += width)
            {
                Vector.Narrow(new Vector<double>(sum[j..]) / t, new Vector<double>(sum[(j + half)..]) / t).CopyTo(destination[j..]);
            }
        }

        for (; j < sum.Length; j++)
        {
            destination[j] = (float)(sum[j] / total);
        }
    }

    private static void CheckInputs(ReadOnlySpan<float[]> inputs, int length)
    {
        if (inputs.IsEmpty)
        {
            throw new ArgumentException("aggregation needs at least one input");
        }

        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            if (input.Length != length)
            {
                throw new ArgumentException($"input of {input.Length} values does not match the destination's {length}");
            }
        }
    }
}
