using System.Diagnostics;
using System.Globalization;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;
using Microsoft.Extensions.Logging;

namespace CloudEdge.Grains.Federation;

/// <summary>
/// One federation (see <see cref="IFederationGrain"/> for the protocol). Every change is written to the
/// <see cref="StorageName"/> grain storage before the call returns, so a restarted silo resumes the federation where it
/// was. The long poll <see cref="WaitForRound"/> interleaves with the other calls and is released by a task completion
/// source when a round opens; a grain timer checks the round deadline every <see cref="DeadlineCheckPeriod"/>.
/// </summary>
public sealed class FederationGrain(
    [PersistentState("federation", FederationGrain.StorageName)] IPersistentState<FederationState> state,
    TimeProvider time,
    FederationMetrics metrics,
    ILogger<FederationGrain> logger) : Grain, IFederationGrain
{
    /// <summary>The grain storage provider the federation state is kept in.</summary>
    public const string StorageName = "federation";

    /// <summary>Longest a <see cref="WaitForRound"/> call waits (kept below Orleans' 30 s response timeout).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    /// <summary>How often the timer checks the round deadline.</summary>
    public static readonly TimeSpan DeadlineCheckPeriod = TimeSpan.FromSeconds(2);

    private TaskCompletionSource _roundChanged = NewSignal();
    private ModelWeights? _global;
    private ModelWeights? _reference;
    private int _deadlineLoggedFor = -1;

    private FederationState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => CheckDeadline(), new GrainTimerCreationOptions(DeadlineCheckPeriod, DeadlineCheckPeriod) { Interleave = false, KeepAlive = false });
        return Task.CompletedTask;
    }

    public async Task<ConfigureResult> Configure(FederationConfig config, bool reset)
    {
        var (normal, problem) = FederationRules.Normalize(config);
        if (normal is null)
        {
            return new ConfigureResult(false, $"federation '{Id}': {problem}", false, Status());
        }

        if (S.Config is { } current && !reset)
        {
            if (current == normal)
            {
                return new ConfigureResult(true, null, true, Status());
            }

            if (!S.Finished)
            {
                return new ConfigureResult(false,
                    $"federation '{Id}' is running (round {S.Round} of {current.NumRounds}) with another configuration ({FederationRules.Differences(current, normal)}); reset it to start afresh",
                    false, Status());
            }
        }

        state.State = new FederationState { Config = normal, Round = 0, RoundOpenedAt = time.GetUtcNow(), InputLength = normal.InputLength };
        (_global, _reference, _deadlineLoggedFor) = (null, null, -1);
        await state.WriteStateAsync();
        FederationLog.Configured(logger, Id, Describe(normal));
        Signal();
        return new ConfigureResult(true, null, false, Status());
    }

    public async Task<JoinResult> Join(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (S.Config is not { } config)
        {
            return new JoinResult(false, $"federation '{Id}' is not configured on the cloud (start the silo with --num-edges/--num-rounds or run `Silo federation configure`)", null, 0, false, false, NotConfigured: true);
        }

        var problem = FederationChecks.Join(S, request, config);
        if (problem is not null)
        {
            metrics.Joins.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            FederationLog.Refused(logger, Id, "join", request.EdgeId ?? "?", problem);
            return new JoinResult(false, $"federation '{Id}': {problem}", config, S.Round, S.Finished, false);
        }

        S.Layout ??= request.Layout;
        S.ModelShape ??= request.ModelShape;
        if (S.InputLength == 0)
        {
            S.InputLength = request.InputLength;
        }

        var now = time.GetUtcNow();
        S.Edges[request.EdgeId] = S.Edges.TryGetValue(request.EdgeId, out var known)
            ? known with { Joins = known.Joins + 1, Examples = request.Examples }
            : new EdgeMembership(request.EdgeId, now, request.Examples, -1, 1);
        await state.WriteStateAsync();
        metrics.Joins.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"));
        FederationLog.Joined(logger, Id, request.EdgeId, request.Examples, S.Round);
        return new JoinResult(true, null, config, S.Round, S.Finished, S.Submissions.ContainsKey(request.EdgeId));
    }

    public async Task<RoundOffer> WaitForRound(int afterRound, TimeSpan maxWait)
    {
        if (S.Finished || S.Round != afterRound || S.Config is null)
        {
            return Offer(true);
        }

        var wait = maxWait < TimeSpan.Zero ? TimeSpan.Zero : maxWait > MaxWait ? MaxWait : maxWait;
        using var cancel = new CancellationTokenSource();
        var delay = Task.Delay(wait, time, cancel.Token);
        await Task.WhenAny(_roundChanged.Task, delay);
        await cancel.CancelAsync();
        return Offer(S.Finished || S.Round != afterRound);
    }

    public Task<RoundModel> GetRoundModel(string edgeId)
    {
        var weights = S.GlobalWeights;
        if (weights is not null)
        {
            S.RoundBytesOut += weights.LongLength;
            metrics.Download(Id, weights.LongLength);
        }

        return Task.FromResult(new RoundModel(S.Round, S.Finished, weights));
    }

    public async Task<SubmitResult> Submit(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var started = Stopwatch.GetTimestamp();
        var (outcome, reason) = Judge(submission);
        if (outcome != SubmitOutcome.Accepted)
        {
            if (outcome != SubmitOutcome.Duplicate)
            {
                S.Rejected++;
            }

            metrics.Submission(Id, OutcomeName(outcome), 0);
            FederationLog.Refused(logger, Id, $"round-{submission.Round} submission", submission.EdgeId ?? "?", reason!);
            return new SubmitResult(outcome, reason, S.Round, false, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var now = time.GetUtcNow();
        S.Submissions[submission.EdgeId] = new StoredSubmission(submission, now);
        S.Edges[submission.EdgeId] = S.Edges[submission.EdgeId] with { LastSubmittedRound = S.Round };
        S.RoundBytesIn += submission.Weights.LongLength;
        metrics.Submission(Id, "accepted", submission.Weights.LongLength);
        double aggregationMs = 0;
        var aggregated = S.Submissions.Count >= S.Config!.NumEdges;
        if (aggregated)
        {
            aggregationMs = Aggregate("all");
        }

        await state.WriteStateAsync();
        if (aggregated)
        {
            Signal();
        }

        return new SubmitResult(SubmitOutcome.Accepted, null, S.Round, aggregated, aggregationMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public async Task<bool> CheckDeadline()
    {
        if (S.Config is not { } config || S.Finished || time.GetUtcNow() < S.RoundOpenedAt + config.RoundDeadline)
        {
            return false;
        }

        var submitted = S.Submissions.Count;
        if (submitted == 0 || submitted < config.MinEdges)
        {
            if (_deadlineLoggedFor != S.Round)
            {
                _deadlineLoggedFor = S.Round;
                FederationLog.DeadlineWaiting(logger, Id, S.Round, submitted, config.MinEdges);
            }

            return false;
        }

        Aggregate("deadline");
        await state.WriteStateAsync();
        Signal();
        return true;
    }

    public Task<FederationStatus> GetStatus() => Task.FromResult(Status());

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string OutcomeName(SubmitOutcome outcome) => outcome switch
    {
        SubmitOutcome.Accepted => "accepted",
        SubmitOutcome.Duplicate => "duplicate",
        SubmitOutcome.Stale => "stale",
        SubmitOutcome.Future => "future",
        SubmitOutcome.UnknownEdge => "unknown_edge",
        SubmitOutcome.Invalid => "invalid",
        SubmitOutcome.Finished => "finished",
        _ => "not_configured",
    };

    private static string Describe(FederationConfig c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Dataset}/{c.EdgeModel}, {c.NumEdges} edges (min {c.MinEdges}), {c.NumRounds} rounds × {c.LocalEpochs} local epochs, lr {c.LearningRate}, {c.Strategy} (mu {c.Mu}, trim {c.TrimFraction}), deadline {c.RoundDeadlineSeconds} s");

    private (SubmitOutcome Outcome, string? Reason) Judge(Submission s)
    {
        var (outcome, reason, weights) = FederationChecks.Admit(S, Id, s, Reference);
        if (outcome == SubmitOutcome.Accepted && S.Round == 0)
        {
            _reference ??= weights;
        }

        return (outcome, reason);
    }

    /// <summary>What submissions are checked against: the global model, or in round 0 the first accepted submission.</summary>
    private ModelWeights? Reference()
    {
        if (S.GlobalWeights is { } global)
        {
            return _global ??= ModelWeights.FromBytes(global);
        }

        if (_reference is null && S.Submissions.Count > 0)
        {
            _reference = ModelWeights.FromBytes(S.Submissions.Values.First().Submission.Weights);
        }

        return _reference;
    }

    /// <summary>Aggregates the open round into the next global model and opens the next round; returns the aggregation time in ms.</summary>
    private double Aggregate(string closedBy)
    {
        var config = S.Config!;
        var started = Stopwatch.GetTimestamp();
        var entries = S.Submissions.Values.OrderBy(e => e.Submission.EdgeId, StringComparer.Ordinal).ToList();
        var updates = entries.Select(e => new ClientUpdate(e.Submission.EdgeId, ModelWeights.FromBytes(e.Submission.Weights), e.Submission.Examples, e.Submission.Metrics)).ToList();

        // Round 0 averages the edges' starting models (FedAvg), whatever the strategy: identical initial students stay identical.
        IAggregationStrategy strategy = S.Round == 0 ? new FedAvgStrategy() : FederationRules.Strategy(config);
        var next = strategy.Aggregate(Reference() ?? updates[0].Weights, updates);
        var bytes = next.ToBytes();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var now = time.GetUtcNow();
        var record = new RoundRecord(
            S.Round,
            [.. updates.Select(u => u.EdgeId)],
            [.. updates.Select(u => u.Examples)],
            new Dictionary<string, double>(FederatedMetrics.WeightedMean(updates)),
            S.RoundOpenedAt,
            now,
            ms,
            S.RoundBytesIn,
            S.RoundBytesOut,
            closedBy,
            strategy.Name);
        S.History.Add(record);
        S.GlobalWeights = bytes;
        S.Submissions.Clear();
        (_global, _reference) = (next, null);
        S.Round++;
        S.RoundOpenedAt = now;
        (S.RoundBytesIn, S.RoundBytesOut) = (0, 0);
        S.Finished = S.Round > config.NumRounds;
        metrics.Round(Id, ms, record.DurationSeconds);
        FederationLog.Aggregated(logger, Id, record.Round, closedBy, updates.Count, strategy.Name, ms, record.DurationSeconds);
        if (S.Finished)
        {
            FederationLog.Finished(logger, Id, config.NumRounds);
        }

        return ms;
    }

    private void Signal()
    {
        var previous = _roundChanged;
        _roundChanged = NewSignal();
        previous.TrySetResult();
    }

    private RoundOffer Offer(bool changed) => new(changed, S.Round, S.Finished, Deadline());

    private DateTimeOffset Deadline() => S.Config is { } c ? S.RoundOpenedAt + c.RoundDeadline : S.RoundOpenedAt;

    private FederationStatus Status() => new(
        Id,
        S.Config,
        S.Round,
        S.Finished,
        S.RoundOpenedAt,
        Deadline(),
        [.. S.Edges.Values.OrderBy(e => e.EdgeId, StringComparer.Ordinal)],
        [.. S.Submissions.Keys.Order(StringComparer.Ordinal)],
        [.. S.History],
        S.GlobalWeights?.LongLength ?? 0,
        S.ModelShape,
        S.Rejected);
}
