using System.Globalization;
using System.Text;

namespace CloudEdge.Learning.Models;

/// <summary>
/// Analytic size and cost of a model, computed from its layer shapes (no model is built): parameter count,
/// multiply-accumulates and FLOPs per sample, and the layer table. FLOPs count the convolutions and the
/// linear head (2 FLOPs per MAC); element-wise layers (batch norm, ReLU, additions, pooling) are memory-bound
/// and not counted. Training costs about 3× the forward pass (forward + input and weight gradients).
/// </summary>
/// <param name="Spec">The profiled spec.</param>
/// <param name="Layers">Every convolution, normalisation, pool and the head, in forward order.</param>
public sealed record ModelProfile(ModelSpec Spec, IReadOnlyList<LayerProfile> Layers)
{
    /// <summary>Trainable parameters.</summary>
    public long Parameters => Layers.Sum(l => l.Parameters);

    /// <summary>Real multiply-accumulates per sample, forward pass.</summary>
    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>FLOPs per sample, forward pass (2 × <see cref="Macs"/>).</summary>
    public long ForwardFlops => 2 * Macs;

    /// <summary>FLOPs per sample of one training step (≈ 3 × <see cref="ForwardFlops"/>).</summary>
    public long TrainingFlops => 3 * ForwardFlops;

    /// <summary>Parameter bytes in float32.</summary>
    public long ParameterBytes => 4 * Parameters;

    /// <summary>A one-line summary, e.g. <c>complex_resnet50(...): 32.1 M parameters, 2.74 GFLOP/sample forward</c>.</summary>
    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Spec}: {Parameters:N0} parameters ({Parameters / 1e6:F2} M, {ParameterBytes / 1048576.0:F1} MiB fp32), {Macs / 1e6:F1} M MACs = {ForwardFlops / 1e9:F3} GFLOP/sample forward, ≈ {TrainingFlops / 1e9:F3} GFLOP/sample per training step");

    /// <summary>The summary followed by the layer table (fixed-width text).</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(Summary());
        text.AppendLine(inv, $"{"layer",-28} {"kind",-6} {"in",6} {"out",6} {"k",3} {"s",3} {"L_out",6} {"params",12} {"MACs",14}");
        foreach (var l in Layers)
        {
            text.AppendLine(inv, $"{l.Name,-28} {l.Kind,-6} {l.InChannels,6} {l.OutChannels,6} {l.Kernel,3} {l.Stride,3} {l.OutLength,6} {l.Parameters,12:N0} {l.Macs,14:N0}");
        }

        return text.ToString();
    }
}
