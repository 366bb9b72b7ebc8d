namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// One named tensor of a model's state (a parameter or a buffer) held in managed memory: its shape, element
/// type and row-major data. Exactly one of <see cref="Float32"/> / <see cref="Int64"/> is set, per <see cref="DType"/>.
/// </summary>
public sealed class WeightTensor
{
    /// <summary>A float32 tensor.</summary>
    public WeightTensor(string name, long[] shape, float[] data)
        : this(name, shape, WeightDType.Float32, data.Length)
    {
        Float32 = data;
    }

    /// <summary>An int64 tensor.</summary>
    public WeightTensor(string name, long[] shape, long[] data)
        : this(name, shape, WeightDType.Int64, data.Length)
    {
        Int64 = data;
    }

    private WeightTensor(string name, long[] shape, WeightDType dtype, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        long elements = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"weight '{name}': negative dimension in shape [{string.Join(", ", shape)}]", nameof(shape));
            }

            elements *= dim;
        }

        if (elements != count)
        {
            throw new ArgumentException($"weight '{name}': shape [{string.Join(", ", shape)}] needs {elements} elements, got {count}", nameof(shape));
        }

        Name = name;
        Shape = shape;
        DType = dtype;
    }

    /// <summary>State-dict key, e.g. <c>layer1.0.conv1.weight</c>.</summary>
    public string Name { get; }

    public long[] Shape { get; }

    public WeightDType DType { get; }

    /// <summary>Data when <see cref="DType"/> is <see cref="WeightDType.Float32"/>.</summary>
    public float[]? Float32 { get; }

    /// <summary>Data when <see cref="DType"/> is <see cref="WeightDType.Int64"/>.</summary>
    public long[]? Int64 { get; }

    /// <summary>Number of elements.</summary>
    public int ElementCount => DType == WeightDType.Float32 ? Float32!.Length : Int64!.Length;

    /// <summary>The shape as text, e.g. <c>[16, 2, 3]</c>.</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    /// <summary>True when every float is finite (always true for integer tensors).</summary>
    public bool IsFinite()
    {
        if (Float32 is null)
        {
            return true;
        }

        foreach (var v in Float32)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
