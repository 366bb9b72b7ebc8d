using System.Globalization;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>Describes an edge model for a federation's join check: the layout fingerprint and a readable shape.</summary>
public static class ModelLayout
{
    /// <summary>The fingerprint of the weights' names, element types and shapes (see <see cref="WeightLayout"/>).</summary>
    public static string Fingerprint(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return WeightLayout.Fingerprint(weights.Select(t => (t.Name, t.DType.ToString(), t.Shape)));
    }

    /// <summary>E.g. <c>real_resnet20 width 0.25 depth 1,1,1, 19 tensors, 12345 values</c>.</summary>
    public static string Describe(ModelSpec spec, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        return string.Create(CultureInfo.InvariantCulture,
            $"{spec.Architecture} width {spec.Width} depth {string.Join(",", spec.StageDepths)}, {weights.Count} tensors, {weights.ElementCount} values");
    }
}
