using CloudEdge.Learning.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>Mean cross-entropy of the logits against the batch labels: supervised training's objective.</summary>
public sealed class CrossEntropyLossFunction : ILossFunction
{
    public static CrossEntropyLossFunction Instance { get; } = new();

    public Tensor Compute(Tensor logits, TensorBatch batch)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(batch);
        return nn.functional.cross_entropy(logits, batch.Y);
    }
}
