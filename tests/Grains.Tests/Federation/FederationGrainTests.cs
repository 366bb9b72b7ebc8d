using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using static CloudEdge.Grains.Tests.Federation.FederationTestData;

namespace CloudEdge.Grains.Tests.Federation;

[Collection(ClusterCollection.Name)]
public sealed class FederationGrainTests(ClusterFixture fixture)
{
    private IFederationGrain NewFederation() => fixture.Client.GetGrain<IFederationGrain>($"fed-{Guid.NewGuid():N}");

    private static async Task JoinAll(IFederationGrain grain, params string[] edges)
    {
        foreach (var edge in edges)
        {
            var joined = await grain.Join(Join(edge));
            Assert.True(joined.Accepted, joined.Reason);
        }
    }

    /// <summary>Configures, joins the edges and completes round 0 with identical starting weights (value 0).</summary>
    private static async Task<IFederationGrain> Started(IFederationGrain grain, FederationConfig config, params string[] edges)
    {
        Assert.True((await grain.Configure(config, reset: false)).Accepted);
        await JoinAll(grain, edges);
        foreach (var edge in edges)
        {
            Assert.True((await grain.Submit(Submit(edge, 0, Weights(0)))).Accepted);
        }

        return grain;
    }

    [Fact]
    public async Task Submit_AllEdgesSubmit_RoundAggregatesExampleWeightedMeanAndOpensNext()
    {
        var grain = await Started(NewFederation(), Config(), "e1", "e2", "e3");
        Assert.Equal(1, (await grain.GetStatus()).Round);

        await grain.Submit(Submit("e1", 1, Weights(1, counter: 5), examples: 10, accuracy: 0.2));
        await grain.Submit(Submit("e2", 1, Weights(2, counter: 7), examples: 30, accuracy: 0.6));
        var last = await grain.Submit(Submit("e3", 1, Weights(4, counter: 6), examples: 60, accuracy: 0.9));

        Assert.True(last.Accepted);
        Assert.True(last.Aggregated);
        Assert.Equal(2, last.Round);
        var model = await grain.GetRoundModel("e1");
        var global = ModelWeights.FromBytes(model.Weights);
        var mean = ((1f * 10) + (2f * 30) + (4f * 60)) / 100;
        Assert.All(global["conv.weight"].Float32!, v => Assert.Equal(mean, v, 5));
        Assert.All(global["bn.running_mean"].Float32!, v => Assert.Equal(mean / 2, v, 5));
        Assert.Equal(7, global["bn.num_batches_tracked"].Int64![0]);

        var status = await grain.GetStatus();
        var round = status.History[1];
        Assert.Equal(1, round.Round);
        Assert.Equal(["e1", "e2", "e3"], round.Participants);
        Assert.Equal([10L, 30L, 60L], round.Examples);
        Assert.Equal("all", round.ClosedBy);
        Assert.Equal(((0.2 * 10) + (0.6 * 30) + (0.9 * 60)) / 100, round.Metric("train_accuracy")!.Value, 9);
        Assert.True(round.BytesIn > 0);
        Assert.Empty(status.Submitted);
    }

    [Fact]
    public async Task Submit_Round0_FirstGlobalModelIsTheEdgesExampleWeightedAverage()
    {
        var grain = NewFederation();
        await grain.Configure(Config(edges: 2, min: 2), reset: false);
        await JoinAll(grain, "a", "b");

        await grain.Submit(Submit("a", 0, Weights(1), examples: 1));
        await grain.Submit(Submit("b", 0, Weights(3), examples: 3));

        var model = await grain.GetRoundModel("a");
        Assert.Equal(1, model.Round);
        Assert.All(ModelWeights.FromBytes(model.Weights)["conv.weight"].Float32!, v => Assert.Equal(2.5f, v, 6));
    }

    [Fact]
    public async Task CheckDeadline_OneEdgeNeverSubmits_RoundCompletesWithTheMinimumAtTheDeadline()
    {
        var grain = await Started(NewFederation(), Config(edges: 3, min: 2, deadline: 60), "e1", "e2", "e3");
        await grain.Submit(Submit("e1", 1, Weights(1)));
        await grain.Submit(Submit("e2", 1, Weights(3)));

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(await grain.CheckDeadline());
        Assert.Equal(1, (await grain.GetStatus()).Round);

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        await grain.CheckDeadline();

        var status = await grain.GetStatus();
        Assert.Equal(2, status.Round);
        var round = status.History[^1];
        Assert.Equal(["e1", "e2"], round.Participants);
        Assert.Equal("deadline", round.ClosedBy);
        Assert.All(ModelWeights.FromBytes((await grain.GetRoundModel("e3")).Weights)["conv.weight"].Float32!, v => Assert.Equal(2f, v, 6));

        // The late edge's result for the closed round is refused; it takes part in the next one.
        var late = await grain.Submit(Submit("e3", 1, Weights(100)));
        Assert.Equal(SubmitOutcome.Stale, late.Outcome);
    }

    [Fact]
    public async Task CheckDeadline_FewerThanTheMinimum_KeepsWaiting()
    {
        var grain = await Started(NewFederation(), Config(edges: 3, min: 2, deadline: 10), "e1", "e2", "e3");
        await grain.Submit(Submit("e1", 1, Weights(1)));

        fixture.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.False(await grain.CheckDeadline());
        var status = await grain.GetStatus();
        Assert.Equal(1, status.Round);
        Assert.Equal(["e1"], status.Submitted);

        // The second submission, after the deadline, reaches the minimum: the next check closes the round.
        await grain.Submit(Submit("e2", 1, Weights(2)));
        await grain.CheckDeadline();
        Assert.Equal(2, (await grain.GetStatus()).Round);
    }

    [Fact]
    public async Task Submit_DuplicateStaleFutureAndUnknownEdge_RefusedWithReasons()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 2, rounds: 3), "e1", "e2");
        Assert.True((await grain.Submit(Submit("e1", 1, Weights(1)))).Accepted);

        var duplicate = await grain.Submit(Submit("e1", 1, Weights(50)));
        var stale = await grain.Submit(Submit("e2", 0, Weights(50)));
        var future = await grain.Submit(Submit("e2", 2, Weights(50)));
        var unknown = await grain.Submit(Submit("intruder", 1, Weights(50)));

        Assert.Equal(SubmitOutcome.Duplicate, duplicate.Outcome);
        Assert.Contains("already submitted to round 1", duplicate.Reason, StringComparison.Ordinal);
        Assert.Equal(SubmitOutcome.Stale, stale.Outcome);
        Assert.Contains("round 0, which is closed", stale.Reason, StringComparison.Ordinal);
        Assert.Equal(SubmitOutcome.Future, future.Outcome);
        Assert.Equal(SubmitOutcome.UnknownEdge, unknown.Outcome);
        Assert.Contains("has not joined", unknown.Reason, StringComparison.Ordinal);

        // None of them reached the round: the aggregate is the mean of e1's first and e2's genuine submission.
        await grain.Submit(Submit("e2", 1, Weights(3)));
        var global = ModelWeights.FromBytes((await grain.GetRoundModel("e1")).Weights);
        Assert.All(global["conv.weight"].Float32!, v => Assert.Equal(2f, v, 6));
        Assert.Equal(3, (await grain.GetStatus()).Rejected);
    }

    [Fact]
    public async Task Submit_NaNShapeMismatchOrNoExamples_RefusedAndGlobalUnchanged()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 1, deadline: 5), "e1", "e2");
        var before = (await grain.GetRoundModel("e1")).Weights;

        var nan = await grain.Submit(new Submission("e1", 1, WithNaN(Weights(1)), 10, []));
        var shape = await grain.Submit(Submit("e1", 1, Weights(1, width: 4)));
        var examples = await grain.Submit(Submit("e1", 1, Weights(1), examples: 0));
        var garbage = await grain.Submit(new Submission("e1", 1, [1, 2, 3], 10, []));
        var metric = await grain.Submit(new Submission("e1", 1, Weights(1).ToBytes(), 10, new() { ["loss"] = double.PositiveInfinity }));

        Assert.All(new[] { nan, shape, examples, garbage, metric }, r => Assert.Equal(SubmitOutcome.Invalid, r.Outcome));
        Assert.Contains("NaN", nan.Reason, StringComparison.Ordinal);
        Assert.Contains("[2, 4]", shape.Reason, StringComparison.Ordinal);
        Assert.Contains("training examples", examples.Reason, StringComparison.Ordinal);
        Assert.Contains("metric 'loss'", metric.Reason, StringComparison.Ordinal);

        // Nothing was stored: even past the deadline (minimum 1) there is nothing to aggregate.
        fixture.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(await grain.CheckDeadline());
        var status = await grain.GetStatus();
        Assert.Equal(1, status.Round);
        Assert.Empty(status.Submitted);
        Assert.Equal(before, (await grain.GetRoundModel("e1")).Weights);
    }

    [Fact]
    public async Task Join_MismatchedEdges_RefusedWithReasons()
    {
        var grain = NewFederation();
        await grain.Configure(Config(edges: 2, min: 2), reset: false);
        Assert.True((await grain.Join(Join("e1"))).Accepted);

        var cases = new (JoinRequest Request, string Expect)[]
        {
            (Join("x", dataset: "radar"), "trains radar"),
            (Join("x", family: "complex_resnet50"), "complex_resnet50"),
            (Join("x", classes: 5), "5 classes"),
            (Join("x", length: 1024), "length 1024"),
            (Join("x", Weights(0, width: 5)), "another shape"),
        };
        foreach (var (request, expect) in cases)
        {
            var result = await grain.Join(request);
            Assert.False(result.Accepted);
            Assert.Contains(expect, result.Reason, StringComparison.Ordinal);
        }

        var second = await grain.Join(Join("e2"));
        Assert.True(second.Accepted, second.Reason);
        var full = await grain.Join(Join("e3"));
        Assert.False(full.Accepted);
        Assert.Contains("full", full.Reason, StringComparison.Ordinal);

        // A known edge may rejoin (e.g. after a crash).
        Assert.True((await grain.Join(Join("e1"))).Accepted);
    }

    [Fact]
    public async Task Join_UnconfiguredFederation_RefusedAsNotConfigured()
    {
        var result = await NewFederation().Join(Join("e1"));
        Assert.False(result.Accepted);
        Assert.True(result.NotConfigured);
    }

    [Fact]
    public async Task Join_EdgeRestartedAfterSubmitting_ToldItAlreadySubmitted()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 2), "e1", "e2");
        await grain.Submit(Submit("e1", 1, Weights(1)));

        var rejoin = await grain.Join(Join("e1"));

        Assert.True(rejoin.Accepted);
        Assert.Equal(1, rejoin.Round);
        Assert.True(rejoin.SubmittedThisRound);
        Assert.False((await grain.Join(Join("e2"))).SubmittedThisRound);
    }

    [Fact]
    public async Task Configure_SameAgainDifferentOrInvalid_IdempotentRefusedOrResetOnRequest()
    {
        var grain = await Started(NewFederation(), Config(edges: 1, min: 1), "e1");

        var same = await grain.Configure(Config(edges: 1, min: 1) with { Strategy = "FedAvg", Dataset = "RML2016" }, reset: false);
        Assert.True(same.Accepted);
        Assert.True(same.Unchanged);
        Assert.Equal(1, same.Status.Round);

        var different = await grain.Configure(Config(edges: 1, min: 1, rounds: 9), reset: false);
        Assert.False(different.Accepted);
        Assert.Contains("num_rounds 2 → 9", different.Reason, StringComparison.Ordinal);

        var invalid = await grain.Configure(Config(edges: 2, min: 3), reset: true);
        Assert.False(invalid.Accepted);
        Assert.Contains("minimum of edges", invalid.Reason, StringComparison.Ordinal);
        var badStrategy = await grain.Configure(Config(strategy: "krum"), reset: true);
        Assert.Contains("unknown aggregation strategy", badStrategy.Reason, StringComparison.Ordinal);

        var reset = await grain.Configure(Config(edges: 1, min: 1, rounds: 9), reset: true);
        Assert.True(reset.Accepted);
        Assert.Equal(0, reset.Status.Round);
        Assert.Empty(reset.Status.History);
        Assert.Empty(reset.Status.Edges);
    }

    [Fact]
    public async Task WaitForRound_RoundCompletes_WaiterReleasedWithTheNewRound()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 2), "e1", "e2");
        var immediate = await grain.WaitForRound(0, TimeSpan.FromSeconds(25));
        Assert.True(immediate.Changed);
        Assert.Equal(1, immediate.Round);

        var waiting = grain.WaitForRound(1, TimeSpan.FromSeconds(25));
        await grain.Submit(Submit("e1", 1, Weights(1)));
        Assert.False(waiting.IsCompleted);
        await grain.Submit(Submit("e2", 1, Weights(1)));

        var offer = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(offer.Changed);
        Assert.Equal(2, offer.Round);
        Assert.False(offer.Finished);
    }

    [Fact]
    public async Task WaitForRound_NothingHappens_AnswersNoChangeAfterTheWait()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 2), "e1", "e2");

        var offer = await grain.WaitForRound(1, TimeSpan.Zero);

        Assert.False(offer.Changed);
        Assert.Equal(1, offer.Round);
    }

    [Fact]
    public async Task Submit_LastRound_FederationFinishesAndRefusesFurtherSubmissions()
    {
        var grain = await Started(NewFederation(), Config(edges: 1, min: 1, rounds: 1), "e1");
        var waiting = grain.WaitForRound(1, TimeSpan.FromSeconds(25));
        await grain.Submit(Submit("e1", 1, Weights(7)));

        var offer = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(offer.Finished);
        var final = await grain.GetRoundModel("e1");
        Assert.True(final.Finished);
        Assert.All(ModelWeights.FromBytes(final.Weights)["conv.weight"].Float32!, v => Assert.Equal(7f, v));
        Assert.Equal(SubmitOutcome.Finished, (await grain.Submit(Submit("e1", 2, Weights(7)))).Outcome);
        Assert.Equal(2, (await grain.GetStatus()).History.Length);
    }

    [Fact]
    public async Task State_GrainDeactivated_ReactivatesFromFileStorageAndContinues()
    {
        var grain = await Started(NewFederation(), Config(edges: 2, min: 2), "e1", "e2");
        await grain.Submit(Submit("e1", 1, Weights(1, counter: 3)));
        var before = await grain.GetStatus();

        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);

        var after = await grain.GetStatus();
        Assert.Equal(before.Round, after.Round);
        Assert.Equal(["e1"], after.Submitted);
        Assert.Equal(before.History.Length, after.History.Length);
        Assert.Equal(before.Config, after.Config);
        Assert.Equal(SubmitOutcome.Duplicate, (await grain.Submit(Submit("e1", 1, Weights(9)))).Outcome);

        var closing = await grain.Submit(Submit("e2", 1, Weights(3, counter: 2)));
        Assert.True(closing.Aggregated);
        var global = ModelWeights.FromBytes((await grain.GetRoundModel("e1")).Weights);
        Assert.All(global["conv.weight"].Float32!, v => Assert.Equal(2f, v, 6));
        Assert.Equal(3, global["bn.num_batches_tracked"].Int64![0]);
        Assert.NotEmpty(Directory.GetFiles(fixture.StateFolder, "*.state", SearchOption.AllDirectories));
    }
}
