using System.Diagnostics;
using CloudEdge.EdgeClient.Cloud;
using CloudEdge.Grains.Interfaces.Federation;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// The edge's view of one federation: every call goes through the <see cref="CloudLink"/> (rate limit, byte counts,
/// retries of transient failures, e.g. while a restarted silo comes back). Weight transfers report how long they took.
/// </summary>
public sealed class FederationClient(IGrainFactory grains, CloudLink link, string federationId)
{
    /// <summary>Longest single long-poll wait asked of the cloud (below Orleans' 30 s response timeout).</summary>
    public static readonly TimeSpan PollWait = TimeSpan.FromSeconds(20);

    private readonly IFederationGrain _grain = grains.GetGrain<IFederationGrain>(federationId);

    public string FederationId => federationId;

    public Task<JoinResult> JoinAsync(JoinRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return link.CallAsync("fl_join", 256 + request.Layout.Length, () => _grain.Join(request), r => 512, cancellationToken);
    }

    /// <summary>One long poll: the next round after <paramref name="afterRound"/>, or <c>Changed = false</c> after <see cref="PollWait"/>.</summary>
    public Task<RoundOffer> WaitForRoundAsync(int afterRound, CancellationToken cancellationToken) =>
        link.CallAsync("fl_wait", 16, () => _grain.WaitForRound(afterRound, PollWait), _ => 32, cancellationToken);

    /// <summary>The open round's global model, with the seconds the download took.</summary>
    public async Task<(RoundModel Model, double Seconds)> GetRoundModelAsync(string edgeId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var model = await link.CallAsync("fl_model", 16, () => _grain.GetRoundModel(edgeId), m => m.PayloadBytes, cancellationToken).ConfigureAwait(false);
        return (model, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Submits a round's result, with the seconds the call took minus the cloud's own processing (the upload).</summary>
    public async Task<(SubmitResult Result, double Seconds)> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var started = Stopwatch.GetTimestamp();
        var result = await link.CallAsync("fl_submit", submission.PayloadBytes, () => _grain.Submit(submission), _ => 64, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds - (result.ServerMs / 1000);
        return (result, Math.Max(0, seconds));
    }
}
