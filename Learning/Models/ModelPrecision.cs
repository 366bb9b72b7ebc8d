using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>Prepares a model for inference in a given <see cref="InferencePrecision"/>.</summary>
public static class ModelPrecision
{
    /// <summary>Command-line spellings: <c>fp32</c>/<c>float32</c> and <c>bf16</c>/<c>bfloat16</c> (case-insensitive).</summary>
    public static IReadOnlyList<string> Names { get; } = ["fp32", "bf16"];

    /// <summary>Parses <c>fp32</c>, <c>float32</c>, <c>bf16</c> or <c>bfloat16</c>; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static InferencePrecision Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToUpperInvariant() switch
        {
            "FP32" or "FLOAT32" => InferencePrecision.Float32,
            "BF16" or "BFLOAT16" => InferencePrecision.BFloat16,
            _ => throw new ArgumentException($"unknown inference precision '{text}' (known: fp32, bf16)", nameof(text)),
        };
    }

    /// <summary>The torch element type of a precision.</summary>
    public static ScalarType ToScalarType(this InferencePrecision precision) => precision switch
    {
        InferencePrecision.Float32 => ScalarType.Float32,
        InferencePrecision.BFloat16 => ScalarType.BFloat16,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown inference precision"),
    };

    /// <summary>
    /// Puts <paramref name="model"/> in eval mode and converts its parameters and buffers to
    /// <paramref name="precision"/>, in place. Do this after loading weights and do not train or save the
    /// converted model: it is an inference copy. Models of this project accept float32 input in any
    /// precision (they cast it to their weight type) and return float32 logits.
    /// </summary>
    public static T ForInference<T>(T model, InferencePrecision precision)
        where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        var dtype = precision.ToScalarType();
        return model.parameters().All(p => p.dtype == dtype) ? model : model.to(dtype);
    }
}
