using CloudEdge.Learning.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>
/// The training objective of one step, plugged into <see cref="Trainer"/>: plain cross-entropy, knowledge
/// distillation (look up cached teacher logits by <see cref="TensorBatch.Indices"/>), FedProx (add a proximal
/// term over the model's parameters, which the implementation holds), ...
/// </summary>
public interface ILossFunction
{
    /// <summary>
    /// Returns the scalar loss to minimise for <paramref name="logits"/> (<c>[B, C]</c>, on the training device,
    /// attached to the graph) of <paramref name="batch"/>. Runs inside the step's dispose scope.
    /// </summary>
    Tensor Compute(Tensor logits, TensorBatch batch);
}
