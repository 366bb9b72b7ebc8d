using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// Base of the strategies that aggregate each tensor coordinate by coordinate: validates the round
/// (<see cref="UpdateValidator.EnsureValid"/>), then builds every float32 tensor of the global model with
/// <see cref="AggregateFloat32"/> and every int64 tensor (batch norm's <c>num_batches_tracked</c>) with the
/// coordinate-wise maximum (<see cref="AggregationMath.Max"/>). Batch-norm running statistics are float32 buffers
/// and are aggregated like parameters (as Flower does with every array of the state).
/// </summary>
public abstract class CoordinateWiseStrategy : IAggregationStrategy
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual double ProximalMu => 0;

    /// <inheritdoc />
    public ModelWeights Aggregate(ModelWeights global, IReadOnlyList<ClientUpdate> updates)
    {
        UpdateValidator.EnsureValid(global, updates);
        var n = updates.Count;
        var examples = new double[n];
        for (var i = 0; i < n; i++)
        {
            examples[i] = updates[i].Examples;
        }

        var floats = new float[n][];
        var longs = new long[n][];
        var result = new List<WeightTensor>(global.Count);
        foreach (var reference in global)
        {
            var shape = (long[])reference.Shape.Clone();
            if (reference.DType == WeightDType.Float32)
            {
                for (var i = 0; i < n; i++)
                {
                    floats[i] = updates[i].Weights[reference.Name].Float32!;
                }

                var values = new float[reference.ElementCount];
                AggregateFloat32(floats, examples, values);
                result.Add(new WeightTensor(reference.Name, shape, values));
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    longs[i] = updates[i].Weights[reference.Name].Int64!;
                }

                var values = new long[reference.ElementCount];
                AggregationMath.Max(longs, values);
                result.Add(new WeightTensor(reference.Name, shape, values));
            }
        }

        return new ModelWeights(result);
    }

    /// <summary>Aggregates one float32 tensor from every client's values (validated, finite, equal lengths).</summary>
    /// <param name="values">Client i's flattened tensor.</param>
    /// <param name="examples">Client i's training examples.</param>
    /// <param name="destination">Receives the aggregate.</param>
    protected abstract void AggregateFloat32(ReadOnlySpan<float[]> values, ReadOnlySpan<double> examples, Span<float> destination);
}
