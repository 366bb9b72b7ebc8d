using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// A server-side aggregation rule of federated learning (Flower's <c>Strategy.aggregate_fit</c>): turns the
/// round's client updates into the next global model. Implementations validate every update against
/// <c>global</c> first (<see cref="UpdateValidator.EnsureValid"/>), so nothing malformed reaches the result.
/// Create them by name with <see cref="StrategyRegistry"/>.
/// </summary>
public interface IAggregationStrategy
{
    /// <summary>Registry name, e.g. <c>fedavg</c>, <c>fedprox</c>, <c>median</c>, <c>trimmed-mean</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Coefficient <c>mu</c> of the proximal term <c>(mu/2)·||w − w_global||²</c> that clients add to their local
    /// loss (see <see cref="FedProxLoss"/>); 0 for strategies without a client-side term.
    /// </summary>
    double ProximalMu { get; }

    /// <summary>
    /// Aggregates <paramref name="updates"/> (at least one, each compatible with <paramref name="global"/>, finite,
    /// with at least one example) into new global weights with <paramref name="global"/>'s names, order, shapes and
    /// element types. Throws <see cref="ArgumentException"/> naming the edge and tensor of the first invalid update.
    /// </summary>
    ModelWeights Aggregate(ModelWeights global, IReadOnlyList<ClientUpdate> updates);
}
