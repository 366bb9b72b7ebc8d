using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// What <c>EdgeClient federated</c> writes next to its model (<c>edge_{id}_federated_model.rounds.json</c>): the
/// federation, the accuracy of the edge's starting model (its KD model or the shared initial student) before FL, one
/// row per round and the final global model's accuracy. Rewritten after every round, so a restarted edge keeps the
/// rows it had.
/// </summary>
public sealed record RoundsReport
{
    public required string Federation { get; init; }

    public required int Edge { get; init; }

    public required string Dataset { get; init; }

    public required string Strategy { get; init; }

    public required string Model { get; init; }

    /// <summary>Where the starting weights came from: a KD checkpoint path or <c>shared initial student (seed N)</c>.</summary>
    public required string Start { get; init; }

    public double? StartValAccuracy { get; init; }

    public double? StartTestAccuracy { get; init; }

    public IReadOnlyList<RoundRow> Rounds { get; init; } = [];

    public double? FinalValAccuracy { get; init; }

    public double? FinalTestAccuracy { get; init; }

    public bool Finished { get; init; }

    /// <summary>The report previously written to <paramref name="path"/> for the same federation and edge, or null.</summary>
    public static RoundsReport? TryLoad(string path, string federation, int edge)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var report = LearningJson.Read<RoundsReport>(path);
            return report.Federation == federation && report.Edge == edge && !report.Finished ? report : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>This report with <paramref name="row"/> merged into the row of its round (non-null fields win).</summary>
    public RoundsReport With(RoundRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rows = Rounds.ToDictionary(r => r.Round);
        rows[row.Round] = rows.TryGetValue(row.Round, out var old) ? Merge(old, row) : row;
        return this with { Rounds = [.. rows.Values.OrderBy(r => r.Round)] };
    }

    private static RoundRow Merge(RoundRow a, RoundRow b) => new()
    {
        Round = a.Round,
        ValAccuracy = b.ValAccuracy ?? a.ValAccuracy,
        TestAccuracy = b.TestAccuracy ?? a.TestAccuracy,
        Submitted = b.Submitted ?? a.Submitted,
        Examples = b.Examples ?? a.Examples,
        TrainLoss = b.TrainLoss ?? a.TrainLoss,
        TrainAccuracy = b.TrainAccuracy ?? a.TrainAccuracy,
        LocalValAccuracy = b.LocalValAccuracy ?? a.LocalValAccuracy,
        TrainSeconds = b.TrainSeconds ?? a.TrainSeconds,
        EvalSeconds = b.EvalSeconds ?? a.EvalSeconds,
        TransferSeconds = b.TransferSeconds ?? a.TransferSeconds,
        WaitSeconds = b.WaitSeconds ?? a.WaitSeconds,
        BytesDown = b.BytesDown ?? a.BytesDown,
        BytesUp = b.BytesUp ?? a.BytesUp,
        AggregationMs = b.AggregationMs ?? a.AggregationMs,
    };
}
