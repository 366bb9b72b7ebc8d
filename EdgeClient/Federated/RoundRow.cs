namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// One round as this edge saw it (a row of <c>edge_{id}_federated_model.rounds.json</c>). <c>ValAccuracy</c> and
/// <c>TestAccuracy</c> are the accuracies of the global model the round produced (evaluated on this edge's validation
/// part and on <c>test_data.npz</c> when the edge received it); the other fields describe this edge's part in the round.
/// </summary>
public sealed record RoundRow
{
    public required int Round { get; init; }

    /// <summary>Validation accuracy (this edge's held-out part) of the global model after this round.</summary>
    public double? ValAccuracy { get; init; }

    /// <summary>Accuracy on the common test set of the global model after this round.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Outcome of this edge's submission (<c>accepted</c>, <c>duplicate</c>, <c>stale</c>, ...); null = it did not submit.</summary>
    public string? Submitted { get; init; }

    /// <summary>Training examples this edge submitted with.</summary>
    public long? Examples { get; init; }

    /// <summary>Last local epoch's training loss and accuracy, and the locally trained model's validation accuracy.</summary>
    public double? TrainLoss { get; init; }

    public double? TrainAccuracy { get; init; }

    public double? LocalValAccuracy { get; init; }

    /// <summary>Seconds of local training in this round.</summary>
    public double? TrainSeconds { get; init; }

    /// <summary>Seconds evaluating the round's starting model (validation and test).</summary>
    public double? EvalSeconds { get; init; }

    /// <summary>Seconds moving weights: downloading the round's global model plus uploading the submission.</summary>
    public double? TransferSeconds { get; init; }

    /// <summary>Seconds waiting for the round to open (other edges, aggregation).</summary>
    public double? WaitSeconds { get; init; }

    public long? BytesDown { get; init; }

    public long? BytesUp { get; init; }

    /// <summary>Aggregation time in ms, when this edge's submission completed the round.</summary>
    public double? AggregationMs { get; init; }
}
