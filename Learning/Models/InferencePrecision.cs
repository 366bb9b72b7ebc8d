namespace CloudEdge.Learning.Models;

/// <summary>Number format of weights and activations for inference (training is always float32).</summary>
public enum InferencePrecision
{
    /// <summary>IEEE float32 everywhere (the default).</summary>
    Float32,

    /// <summary>
    /// bfloat16 weights and activations (8-bit mantissa, float32 range); the model still takes float32
    /// input and returns float32 logits. Faster on CPUs with AVX-512 BF16 / AMX; see docs/models.md.
    /// </summary>
    BFloat16,
}
