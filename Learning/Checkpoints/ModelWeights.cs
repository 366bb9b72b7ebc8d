using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// A model's complete state (parameters and buffers, in state-dict order) in managed memory: the unit that
/// checkpoints store and that federated learning ships, averages and loads back. Names are unique.
/// </summary>
public sealed class ModelWeights : IReadOnlyList<WeightTensor>
{
    private readonly WeightTensor[] _tensors;
    private readonly Dictionary<string, int> _index;

    public ModelWeights(IEnumerable<WeightTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        _tensors = [.. tensors];
        _index = new Dictionary<string, int>(_tensors.Length, StringComparer.Ordinal);
        for (var i = 0; i < _tensors.Length; i++)
        {
            if (!_index.TryAdd(_tensors[i].Name, i))
            {
                throw new ArgumentException($"weight '{_tensors[i].Name}' appears twice", nameof(tensors));
            }
        }
    }

    public int Count => _tensors.Length;

    /// <summary>Total elements over all tensors (parameters and buffers).</summary>
    public long ElementCount => _tensors.Sum(t => (long)t.ElementCount);

    public WeightTensor this[int index] => _tensors[index];

    /// <summary>The tensor of the given name; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    public WeightTensor this[string name] =>
        _index.TryGetValue(name, out var i) ? _tensors[i] : throw new KeyNotFoundException($"no weight named '{name}'");

    public bool TryGet(string name, out WeightTensor tensor)
    {
        var found = _index.TryGetValue(name, out var i);
        tensor = found ? _tensors[i] : null!;
        return found;
    }

    public IEnumerator<WeightTensor> GetEnumerator() => ((IEnumerable<WeightTensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies the state dict of <paramref name="module"/> (any device) into managed memory.</summary>
    public static ModelWeights FromModule(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        var tensors = new List<WeightTensor>();
        foreach (var (name, tensor) in module.state_dict())
        {
            var cpu = tensor.detach().cpu().contiguous();
            var shape = cpu.shape;
            tensors.Add(cpu.dtype switch
            {
                ScalarType.Float32 => new WeightTensor(name, shape, cpu.data<float>().ToArray()),
                ScalarType.Int64 => new WeightTensor(name, shape, cpu.data<long>().ToArray()),
                _ => throw new NotSupportedException($"weight '{name}' has element type {cpu.dtype}; only float32 and int64 state can be stored"),
            });
        }

        return new ModelWeights(tensors);
    }

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> unless these weights have exactly the names, shapes and element
    /// types of <paramref name="reference"/>'s (e.g. the global model of a federation).
    /// </summary>
    public void CheckCompatible(ModelWeights reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        CheckNames(reference.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var expected in reference)
        {
            var actual = this[expected.Name];
            if (actual.DType != expected.DType || !actual.Shape.SequenceEqual(expected.Shape))
            {
                throw new InvalidDataException(
                    $"weight '{expected.Name}' is {actual.DType} {actual.ShapeText} but the model has {expected.DType} {expected.ShapeText}");
            }
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless these weights fit <paramref name="module"/> exactly.</summary>
    public void CheckCompatible(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var state = module.state_dict();
        CheckNames(state.Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var (name, target) in state)
        {
            var actual = this[name];
            var dtype = target.dtype switch
            {
                ScalarType.Float32 => WeightDType.Float32,
                ScalarType.Int64 => WeightDType.Int64,
                _ => throw new NotSupportedException($"model weight '{name}' has element type {target.dtype}; only float32 and int64 state can be loaded"),
            };
            if (actual.DType != dtype || !actual.Shape.SequenceEqual(target.shape))
            {
                throw new InvalidDataException(
                    $"weight '{name}' is {actual.DType} {actual.ShapeText} but the model has {dtype} [{string.Join(", ", target.shape)}]");
            }
        }
    }

    /// <summary>
    /// Loads these weights into <paramref name="module"/> (on whatever device it lives). Everything is checked
    /// first (names, shapes, element types, finite values), so on error the module is left unchanged.
    /// </summary>
    public void LoadInto(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckCompatible(module);
        CheckFinite();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, target) in module.state_dict())
        {
            var source = this[name];
            using var tensor = source.DType == WeightDType.Float32
                ? torch.tensor(source.Float32!, source.Shape)
                : torch.tensor(source.Int64!, source.Shape);
            target.copy_(tensor);
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first tensor that holds NaN or ±Inf.</summary>
    public void CheckFinite()
    {
        foreach (var tensor in _tensors)
        {
            if (!tensor.IsFinite())
            {
                throw new InvalidDataException($"weight '{tensor.Name}' holds NaN or infinite values");
            }
        }
    }

    /// <summary>The versioned byte encoding (see <see cref="WeightCodec"/>).</summary>
    public byte[] ToBytes() => WeightCodec.Encode(this);

    /// <summary>Decodes bytes written by <see cref="ToBytes"/>.</summary>
    public static ModelWeights FromBytes(ReadOnlySpan<byte> bytes) => WeightCodec.Decode(bytes);

    private void CheckNames(HashSet<string> expected)
    {
        var missing = expected.Where(n => !_index.ContainsKey(n)).ToList();
        var unexpected = _tensors.Select(t => t.Name).Where(n => !expected.Contains(n)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing {Sample(missing)}");
            }

            if (unexpected.Count > 0)
            {
                parts.Add($"unexpected {Sample(unexpected)}");
            }

            throw new InvalidDataException($"weights do not fit the model: {string.Join("; ", parts)}");
        }
    }

    private static string Sample(List<string> names) =>
        names.Count <= 3 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))} and {names.Count - 3} more";
}
