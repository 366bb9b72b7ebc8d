using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Data;

/// <summary>
/// Turns a <see cref="SignalDataset"/> into mini-batches: the inputs are normalised once up front, the
/// order is shuffled per epoch with a caller-seeded RNG, and each batch becomes float32 <c>[B, 2, L]</c>
/// plus int64 labels on the requested device.
/// </summary>
/// <remarks>
/// Ask for the index lists with <see cref="EpochOrder"/> and build each batch with <see cref="MakeBatch"/>
/// inside the step's dispose scope, so that every tensor of the step is released with it.
/// </remarks>
public sealed class BatchLoader
{
    private readonly float[] _x;

    public BatchLoader(SignalDataset dataset, int batchSize, InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Dataset = dataset;
        BatchSize = batchSize;
        Normalization = normalization;
        if (normalization == InputNormalization.None)
        {
            _x = dataset.X;
        }
        else
        {
            _x = (float[])dataset.X.Clone();
            InputNormalizer.ApplyAll(_x, dataset.Length, normalization);
        }
    }

    public SignalDataset Dataset { get; }

    public int BatchSize { get; }

    public InputNormalization Normalization { get; }

    /// <summary>Batches per epoch (the last one may be smaller).</summary>
    public int BatchCount => (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>
    /// The sample indices of each batch of one epoch: in dataset order when <paramref name="rng"/> is null,
    /// otherwise a Fisher–Yates shuffle drawn from it.
    /// </summary>
    public IEnumerable<int[]> EpochOrder(Random? rng)
    {
        var order = Enumerable.Range(0, Dataset.Count).ToArray();
        if (rng is not null)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        for (var start = 0; start < order.Length; start += BatchSize)
        {
            yield return order[start..Math.Min(order.Length, start + BatchSize)];
        }
    }

    /// <summary>Builds the batch of the given dataset indices on <paramref name="device"/> (CPU when null).</summary>
    public TensorBatch MakeBatch(int[] indices, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = Dataset.SampleSize;
        var x = new float[indices.Length * size];
        var y = new long[indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            _x.AsSpan(indices[k] * size, size).CopyTo(x.AsSpan(k * size, size));
            y[k] = Dataset.Y[indices[k]];
        }

        var xt = torch.tensor(x, [indices.Length, 2, Dataset.Length]);
        var yt = torch.tensor(y, [indices.Length]);
        if (device is not null && device.type != DeviceType.CPU)
        {
            var xd = xt.to(device);
            var yd = yt.to(device);
            xt.Dispose();
            yt.Dispose();
            return new TensorBatch(xd, yd, indices);
        }

        return new TensorBatch(xt, yt, indices);
    }
}
