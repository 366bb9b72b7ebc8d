using System.Diagnostics;
using System.Globalization;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// One edge's part in a federation: join, then per round wait for it to open (long poll), fetch the global model,
/// evaluate it, train locally and submit; round 0 submits the edge's starting weights. A restarted edge rejoins at the
/// open round (if it already submitted to it, it waits for the next). At the end the final global model is written as
/// this edge's federated model and as the global model, with the per-round figures.
/// </summary>
internal sealed class FederatedEdge(FederatedSettings settings, FederationClient client, StartingPoint start, LocalTrainer trainer, RoundsReport report)
{
    private RoundsReport _report = report;

    public RoundsReport Report => _report;

    /// <summary>Runs the protocol until the federation has finished; returns the final global weights.</summary>
    public async Task<ModelWeights> RunAsync(JoinResult joined, FederationConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(config);
        var mu = FederationStrategy(config).ProximalMu;
        var after = joined.SubmittedThisRound ? joined.Round : -1;
        if (joined.SubmittedThisRound)
        {
            Say($"already submitted to round {joined.Round} before a restart; waiting for round {joined.Round + 1}");
        }

        while (true)
        {
            var waitStarted = Stopwatch.GetTimestamp();
            RoundOffer offer;
            do
            {
                offer = await client.WaitForRoundAsync(after, cancellationToken).ConfigureAwait(false);
            }
            while (!offer.Changed);

            var waited = Stopwatch.GetElapsedTime(waitStarted).TotalSeconds;
            if (!offer.Finished && offer.Round < after)
            {
                throw new InvalidOperationException($"federation {client.FederationId} went back to round {offer.Round} after round {after} (it was reset); restart the edge");
            }

            var (model, down) = await client.GetRoundModelAsync(settings.EdgeName, cancellationToken).ConfigureAwait(false);
            var global = model.Weights is null ? null : ModelWeights.FromBytes(model.Weights);
            (double? Val, double? Test) accuracy = (null, null);
            if (global is not null && model.Round > 0)
            {
                var evalStarted = Stopwatch.GetTimestamp();
                accuracy = trainer.Evaluate(global, cancellationToken);
                Record(new RoundRow { Round = model.Round - 1, ValAccuracy = accuracy.Val, TestAccuracy = accuracy.Test, EvalSeconds = Stopwatch.GetElapsedTime(evalStarted).TotalSeconds });
                Say($"global model after round {model.Round - 1}: val accuracy {Percent(accuracy.Val)}, test accuracy {Percent(accuracy.Test)}");
            }

            if (model.Finished)
            {
                _report = _report with { FinalValAccuracy = accuracy.Val, FinalTestAccuracy = accuracy.Test, Finished = true };
                return global ?? throw new InvalidOperationException($"federation {client.FederationId} finished without a global model");
            }

            var round = model.Round;
            var row = await PlayRoundAsync(round, global, accuracy, config, mu, cancellationToken).ConfigureAwait(false);
            Record(row with { TransferSeconds = down + row.TransferSeconds, WaitSeconds = waited, BytesDown = model.PayloadBytes });
            after = round;
        }
    }

    private async Task<RoundRow> PlayRoundAsync(int round, ModelWeights? global, (double? Val, double? Test) accuracy, FederationConfig config, double mu, CancellationToken cancellationToken)
    {
        ModelWeights weights;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var row = new RoundRow { Round = round };
        if (round == 0)
        {
            Say($"round 0: submitting the starting weights ({start.Description})");
            weights = start.Weights;
            Add(metrics, "start_val_accuracy", _report.StartValAccuracy);
            Add(metrics, "start_test_accuracy", _report.StartTestAccuracy);
        }
        else
        {
            if (global is null)
            {
                throw new InvalidOperationException($"federation {client.FederationId} opened round {round} without a global model");
            }

            Say($"round {round} training: {config.LocalEpochs} local epochs on {trainer.TrainCount} samples");
            var (trained, result) = trainer.Train(global, round, config.LocalEpochs, config.LearningRate, mu,
                new ConsoleTrainingProgress($"edge {settings.Student.EdgeId} round {round}"), cancellationToken);
            weights = trained;
            var last = result.Epochs[^1];
            metrics["train_loss"] = last.TrainLoss;
            metrics["train_accuracy"] = last.TrainAccuracy;
            metrics["train_seconds"] = result.Seconds;
            Add(metrics, "val_loss", last.ValLoss);
            Add(metrics, "val_accuracy", last.ValAccuracy);
            Add(metrics, "global_val_accuracy", accuracy.Val);
            Add(metrics, "global_test_accuracy", accuracy.Test);
            row = row with { TrainLoss = last.TrainLoss, TrainAccuracy = last.TrainAccuracy, LocalValAccuracy = last.ValAccuracy, TrainSeconds = result.Seconds };
        }

        var bytes = weights.ToBytes();
        var (answer, up) = await client.SubmitAsync(new Submission(settings.EdgeName, round, bytes, trainer.TrainCount, metrics), cancellationToken).ConfigureAwait(false);
        var outcome = answer.Outcome switch
        {
            SubmitOutcome.Accepted or SubmitOutcome.Duplicate or SubmitOutcome.Stale or SubmitOutcome.Finished => answer.Outcome.ToString().ToLowerInvariant(),
            _ => throw new InvalidOperationException($"federation {client.FederationId} refused round {round} of {settings.EdgeName}: {answer.Reason}"),
        };
        Say(string.Create(CultureInfo.InvariantCulture,
            $"round {round} submitted ({outcome}{(answer.Reason is null ? string.Empty : ": " + answer.Reason)}): {bytes.Length} bytes in {up:0.000} s{(answer.Aggregated ? $"; this closed the round (aggregation {answer.AggregationMs:0.0} ms)" : string.Empty)}"));
        return row with
        {
            Submitted = outcome,
            Examples = trainer.TrainCount,
            TransferSeconds = up,
            BytesUp = bytes.Length,
            AggregationMs = answer.Aggregated ? answer.AggregationMs : null,
        };
    }

    private static IAggregationStrategy FederationStrategy(FederationConfig config) =>
        StrategyRegistry.Create(config.Strategy, new StrategySettings { ProximalMu = config.Mu, TrimFraction = config.TrimFraction });

    private static void Add(Dictionary<string, double> metrics, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            metrics[name] = v;
        }
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "-";

    private void Record(RoundRow row)
    {
        _report = _report.With(row);
        LearningJson.Write(settings.RoundsPath, _report);
    }

    private void Say(string message) =>
        Console.WriteLine($"edge {settings.Student.EdgeId} federated: {message}");
}
