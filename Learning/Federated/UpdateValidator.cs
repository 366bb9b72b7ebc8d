using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// The gate in front of the global model: an update is accepted only when it has exactly the global weights'
/// names, shapes and element types, finite values and metrics, and at least one training example.
/// <see cref="ValidateUpdate"/> judges one submission (the federation grain rejects it with the reason and the
/// round goes on); <see cref="EnsureValid"/> guards a whole aggregation.
/// </summary>
public static class UpdateValidator
{
    /// <summary>
    /// Returns null when <paramref name="update"/> may be aggregated into <paramref name="global"/>, else a
    /// one-line reason naming the edge (and the tensor or metric at fault).
    /// </summary>
    public static string? ValidateUpdate(ModelWeights global, ClientUpdate update)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(update);
        var edge = update.EdgeId;
        if (update.Examples < 1)
        {
            return $"edge '{edge}' reports {update.Examples} training examples; at least 1 is required";
        }

        var weights = update.Weights;
        foreach (var expected in global)
        {
            if (!weights.TryGet(expected.Name, out var actual))
            {
                return $"edge '{edge}' lacks weight '{expected.Name}' of the global model";
            }

            if (actual.DType != expected.DType || !actual.Shape.AsSpan().SequenceEqual(expected.Shape))
            {
                return $"edge '{edge}': weight '{expected.Name}' is {actual.DType} {actual.ShapeText} but the global model has {expected.DType} {expected.ShapeText}";
            }
        }

        if (weights.Count != global.Count)
        {
            var extra = weights.First(t => !global.TryGet(t.Name, out _));
            return $"edge '{edge}' sends weight '{extra.Name}' that the global model does not have";
        }

        foreach (var tensor in weights)
        {
            if (tensor.Float32 is { } values && !AggregationMath.AllFinite(values))
            {
                return $"edge '{edge}': weight '{tensor.Name}' holds NaN or infinite values";
            }
        }

        foreach (var (name, value) in update.Metrics)
        {
            if (!double.IsFinite(value))
            {
                return $"edge '{edge}': metric '{name}' is {value}";
            }
        }

        return null;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> (one line: the edge and the problem) unless there is at least one
    /// update, no edge appears twice and every update passes <see cref="ValidateUpdate"/>.
    /// </summary>
    public static void EnsureValid(ModelWeights global, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            throw new ArgumentException("aggregation needs at least one client update");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var update in updates)
        {
            if (update is null)
            {
                throw new ArgumentException("the list of client updates contains null");
            }

            if (!seen.Add(update.EdgeId))
            {
                throw new ArgumentException($"edge '{update.EdgeId}' submitted more than one update to the aggregation");
            }

            if (ValidateUpdate(global, update) is { } reason)
            {
                throw new ArgumentException(reason);
            }
        }
    }
}
