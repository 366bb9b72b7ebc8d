using Orleans.Concurrency;

namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// One federated-learning federation (key = federation id, by default <c>{dataset}-{edge preset}</c>). Its state —
/// configuration, open round, global weights, this round's submissions, history — is persisted after every change,
/// so a restarted silo resumes where it was; waiting edges just call <see cref="WaitForRound"/> again.
/// <para>
/// Protocol: an edge <see cref="Join"/>s, then loops: <see cref="WaitForRound"/> (a long poll, no busy polling) →
/// <see cref="GetRoundModel"/> → local training → <see cref="Submit"/>. Round 0 collects the edges' starting weights
/// (their example-weighted average is the first global model); rounds 1..N train. A round aggregates when every
/// expected edge has submitted, or at its deadline (<see cref="CheckDeadline"/>, also run by a timer) with at least
/// the minimum. Refusals come back as results with a one-line reason, never as a changed global model.
/// </para>
/// </summary>
public interface IFederationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the configuration. The same configuration again is accepted unchanged; a different one is refused while the
    /// federation runs unless <paramref name="reset"/> (which starts it afresh); a finished federation takes a new one.
    /// Invalid settings are refused with the reason.
    /// </summary>
    Task<ConfigureResult> Configure(FederationConfig config, bool reset);

    /// <summary>Admits an edge after checking dataset, model family, class count, input length and model layout.</summary>
    Task<JoinResult> Join(JoinRequest request);

    /// <summary>
    /// Long poll: answers as soon as a round newer than <paramref name="afterRound"/> is open (or the federation is
    /// finished), else after <paramref name="maxWait"/> (at most 25 s) with <c>Changed = false</c>.
    /// </summary>
    [AlwaysInterleave]
    Task<RoundOffer> WaitForRound(int afterRound, TimeSpan maxWait);

    /// <summary>The open round and the global weights it starts from (the final model once finished).</summary>
    Task<RoundModel> GetRoundModel(string edgeId);

    /// <summary>Stores a submission for the open round, or refuses it with the reason; aggregates when the round is complete.</summary>
    Task<SubmitResult> Submit(Submission submission);

    /// <summary>Aggregates the open round when its deadline has passed and at least the minimum of edges submitted; true when it did.</summary>
    Task<bool> CheckDeadline();

    /// <summary>Configuration, round, joined edges, submissions of the open round and the history.</summary>
    [AlwaysInterleave]
    Task<FederationStatus> GetStatus();
}
