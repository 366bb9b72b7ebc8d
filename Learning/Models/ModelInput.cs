using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>Checks of the model input <c>[B, 2, L]</c>.</summary>
internal static class ModelInput
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="input"/> is <c>[B, 2, L]</c>. A length other
    /// than the spec's is accepted (the networks end in global pooling) but must reach the last stage.
    /// </summary>
    public static void Check(Tensor input, ModelSpec spec)
    {
        if (input.dim() != 3 || input.shape[1] != 2 || input.shape[2] < ModelSpec.MinInputLength)
        {
            throw new ArgumentException($"{spec.Architecture} expects IQ input [B, 2, L] with L >= {ModelSpec.MinInputLength} (row 0 = I, row 1 = Q), got [{string.Join(", ", input.shape)}]", nameof(input));
        }

        if (!input.is_floating_point())
        {
            throw new ArgumentException($"{spec.Architecture} expects floating-point IQ input, got {input.dtype}", nameof(input));
        }
    }
}
