using CloudEdge.Grains.Interfaces;

namespace CloudEdge.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EdgeStatsGrainTests(ClusterFixture fixture)
{
    private static EdgeBatchReport Report(int samples, int edge = 0, int cloud = 0, int labelled = 0, int correct = 0, long last = 0) =>
        new("device-1", "rml2016", samples, edge, cloud, labelled, correct, 0, 0, last);

    [Fact]
    public async Task Report_SeveralBatches_AccumulatesAndStampsTime()
    {
        var grain = fixture.Client.GetGrain<IEdgeStatsGrain>($"edge-{Guid.NewGuid()}");
        await grain.Report(Report(10, edge: 6, cloud: 4, labelled: 10, correct: 8, last: 9));
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var snapshot = await grain.Report(Report(5, edge: 5, labelled: 5, correct: 5, last: 14));

        Assert.Equal(2, snapshot.Batches);
        Assert.Equal(15, snapshot.Samples);
        Assert.Equal(11, snapshot.EdgeAnswered);
        Assert.Equal(4, snapshot.CloudAnswered);
        Assert.Equal(13.0 / 15, snapshot.Accuracy!.Value, 9);
        Assert.Equal(14, snapshot.LastSampleId);
        Assert.Equal(fixture.Time.GetUtcNow(), snapshot.LastReportAt);
    }

    [Fact]
    public async Task Report_InconsistentCounts_RejectedAndGrainKeepsItsFigures()
    {
        var grain = fixture.Client.GetGrain<IEdgeStatsGrain>($"edge-{Guid.NewGuid()}");
        await grain.Report(Report(10, edge: 10));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.Report(Report(5, edge: 4, cloud: 4)));
        Assert.Contains("inconsistent", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Report(Report(-1)));

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(10, snapshot.Samples);
        Assert.Equal(1, snapshot.Batches);
    }

    [Fact]
    public async Task Report_ManyConcurrentCallers_NoReportLost()
    {
        var grain = fixture.Client.GetGrain<IEdgeStatsGrain>($"edge-{Guid.NewGuid()}");
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => grain.Report(Report(3, edge: 2, cloud: 1, last: i))));

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(200, snapshot.Batches);
        Assert.Equal(600, snapshot.Samples);
        Assert.Equal(199, snapshot.LastSampleId);
    }
}
