using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// One edge's reply to a federated round, as Flower's <c>FitRes</c>: the locally trained weights, the number of
/// training examples they were fitted on (FedAvg's weight) and the edge's metrics (e.g. <c>train_loss</c>,
/// <c>val_accuracy</c>). Nothing is checked here beyond nulls: <see cref="UpdateValidator"/> decides whether an update
/// may reach the global model.
/// </summary>
public sealed record ClientUpdate
{
    /// <param name="edgeId">The submitting edge (non-empty).</param>
    /// <param name="weights">The edge's full model state after local training.</param>
    /// <param name="examples">Training examples used in this round (must be at least 1 to be accepted).</param>
    /// <param name="metrics">Named metrics of the edge; null means none.</param>
    public ClientUpdate(string edgeId, ModelWeights weights, long examples, IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edgeId);
        ArgumentNullException.ThrowIfNull(weights);
        EdgeId = edgeId;
        Weights = weights;
        Examples = examples;
        Metrics = metrics ?? new Dictionary<string, double>(StringComparer.Ordinal);
    }

    /// <summary>The submitting edge.</summary>
    public string EdgeId { get; }

    /// <summary>The edge's model state (parameters and buffers) after local training.</summary>
    public ModelWeights Weights { get; }

    /// <summary>Training examples behind <see cref="Weights"/>; FedAvg weights the update by this count.</summary>
    public long Examples { get; }

    /// <summary>The edge's metrics, by name (never null).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }
}
