using static TorchSharp.torch;

namespace CloudEdge.Learning.Data;

/// <summary>
/// One mini-batch on the training device: inputs <c>[B, 2, L]</c> float32, labels <c>[B]</c> int64, and the
/// index of every sample in the dataset it came from (so a loss can look up per-sample data such as cached
/// teacher logits). Create it inside the step's dispose scope; disposing it releases both tensors.
/// </summary>
public sealed class TensorBatch : IDisposable
{
    internal TensorBatch(Tensor x, Tensor y, int[] indices)
    {
        X = x;
        Y = y;
        Indices = indices;
    }

    /// <summary>Inputs, float32 <c>[B, 2, L]</c>.</summary>
    public Tensor X { get; }

    /// <summary>Labels, int64 <c>[B]</c>.</summary>
    public Tensor Y { get; }

    /// <summary>Dataset index of each sample in the batch, in batch order.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Samples in the batch.</summary>
    public int Count => Indices.Count;

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }
}
