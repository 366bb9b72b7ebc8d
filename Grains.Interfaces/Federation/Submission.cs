namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// One edge's result for one round: its weights after local training (weight-codec bytes), the number of training
/// examples behind them and its metrics (e.g. <c>train_loss</c>, <c>val_accuracy</c>). In round 0 the weights are the
/// edge's starting model.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.Submission")]
public sealed record Submission(
    [property: Id(0)] string EdgeId,
    [property: Id(1)] int Round,
    [property: Id(2)] byte[] Weights,
    [property: Id(3)] long Examples,
    [property: Id(4)] Dictionary<string, double> Metrics)
{
    /// <summary>Payload bytes (what the link counts).</summary>
    public long PayloadBytes => (Weights?.LongLength ?? 0) + ((Metrics?.Count ?? 0) * 24L);
}
