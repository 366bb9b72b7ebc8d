using CloudEdge.EdgeClient.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class ServePipelineTests : IDisposable
{
    private static readonly string[] Classes = ["16QAM", "64QAM", "8PSK", "BPSK", "GMSK", "QPSK"];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ChannelSource _source = new();
    private readonly FakeStudent _student = new();
    private readonly FakeTimeProvider _time = new();
    private readonly EdgeMetrics _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task RunAsync_TwoThresholds_EverySampleServedAndRoutedBelowTheLargest()
    {
        var cloud = new FakeCloud();
        _source.Write(TestFrames.Message(TestFrames.Samples(0, (0, 0, 0.9f, 0), (1, 2, 0.5f, 1), (2, 2, 0.1f, 2))));
        _source.Write(TestFrames.Message(TestFrames.Samples(3, (3, 3, 0.65f, 3), (4, 1, 0.2f, 4))));
        _source.Write(TestFrames.End(5));
        var pipeline = Pipeline(cloud, new ServeSettings { Thresholds = [0.3, 0.6], MaxDelay = TimeSpan.Zero });

        var outcome = await pipeline.RunAsync(TestContext.Current.CancellationToken).WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal("end of stream", outcome.StopReason);
        Assert.Equal(5, outcome.Samples.Count);
        Assert.Equal(5, outcome.SamplesAnnounced);
        Assert.Equal([1L, 2, 4], outcome.Samples.Where(s => s.SentToCloud).Select(s => s.Id).Order());
        Assert.All(outcome.Samples.Where(s => s.SentToCloud), s => Assert.Equal((CloudOutcome.Answered, s.Label), (s.Cloud, s.CloudPrediction)));
        Assert.Equal(3, cloud.Samples);
        foreach (var t in new[] { 0.3, 0.6 })
        {
            var row = ThresholdEvaluator.Fixed(outcome.Samples, t, Classes);
            Assert.Equal(5, row.EdgeSamples + row.CloudSamples);
        }

        Assert.Equal(1.0, ThresholdEvaluator.Fixed(outcome.Samples, 0.6, Classes).CloudAccuracy);
        Assert.Equal(2, ThresholdEvaluator.Fixed(outcome.Samples, 0.3, Classes).CloudSamples);
    }

    [Fact]
    public async Task RunAsync_CloudFails_EdgeAnswersStandAndAreCounted()
    {
        var cloud = new FakeCloud { Fail = true };
        _source.Write(TestFrames.Message(TestFrames.Samples(0, (0, 0, 0.9f, 0), (1, 1, 0.1f, 3), (2, 5, 0.2f, 2))));
        _source.Write(TestFrames.End(3));
        var pipeline = Pipeline(cloud, new ServeSettings { Thresholds = [0.5], MaxDelay = TimeSpan.Zero });

        var outcome = await pipeline.RunAsync(TestContext.Current.CancellationToken).WaitAsync(Wait, TestContext.Current.CancellationToken);
        var row = ThresholdEvaluator.Fixed(outcome.Samples, 0.5, Classes);

        Assert.Equal(3, outcome.Samples.Count);
        Assert.Equal(2, row.Degraded);
        Assert.Equal(2, row.CloudSamples);
        Assert.Equal(0.5, row.CloudAccuracy);
        Assert.Equal(1, pipeline.Counters.CloudFailedCalls);
        Assert.Equal(2, pipeline.Dispatcher!.Failures.ByKind()["timeout"]);
    }

    [Fact]
    public async Task RunAsync_CloudSlowAndQueueFull_EdgeKeepsServing()
    {
        var cloud = new FakeCloud { Hold = true };
        const int Samples = 8;
        for (var i = 0; i < Samples; i++)
        {
            _source.Write(TestFrames.Message(TestFrames.Samples(i, (0, 0, 0.1f, 0))));
        }

        _source.Write(TestFrames.End(Samples));
        var pipeline = Pipeline(cloud, new ServeSettings { Thresholds = [0.5], MaxBatch = 1, MaxDelay = TimeSpan.Zero, Cloud = new CloudDispatchSettings(Concurrency: 1, QueueCapacity: 1) });

        var run = pipeline.RunAsync(TestContext.Current.CancellationToken);
        while (pipeline.Counters.Served < Samples)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.False(run.IsCompleted);
        cloud.Release();
        var outcome = await run.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(Samples, outcome.Samples.Count);
        Assert.True(pipeline.Counters.CloudSkipped >= Samples - 2, $"only {pipeline.Counters.CloudSkipped} skipped");
        Assert.Equal(Samples, pipeline.Counters.CloudSkipped + pipeline.Counters.CloudAnswered);
        Assert.All(outcome.Samples.Where(s => s.Cloud == CloudOutcome.Skipped), s => Assert.True(s.Degraded));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAndKeepsWhatWasServed()
    {
        _source.Write(TestFrames.Message(TestFrames.Samples(0, (0, 0, 0.9f, 0))));
        var pipeline = Pipeline(null, new ServeSettings { Thresholds = [0], MaxDelay = TimeSpan.Zero });
        using var cts = new CancellationTokenSource();

        var run = pipeline.RunAsync(cts.Token);
        while (pipeline.Counters.Served < 1)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await cts.CancelAsync();
        var outcome = await run.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal("cancelled", outcome.StopReason);
        Assert.Single(outcome.Samples);
    }

    [Fact]
    public async Task RunAsync_NoFrameForTheIdleTimeout_StopsAsIdle()
    {
        _source.Write(TestFrames.Message(TestFrames.Samples(0, (0, 0, 0.9f, 0))));
        var pipeline = Pipeline(null, new ServeSettings { Thresholds = [0], MaxDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(2) });

        var run = pipeline.RunAsync(TestContext.Current.CancellationToken);
        while (pipeline.Counters.Served < 1)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal("idle", (await run).StopReason);
    }

    [Fact]
    public async Task RunAsync_AdaptiveTarget_RecordsDecisionsAndSendsThem()
    {
        var cloud = new FakeCloud();
        var random = new Random(2);
        for (var i = 0; i < 40; i++)
        {
            _source.Write(TestFrames.Message(TestFrames.Samples(i * 10, [.. Enumerable.Range(0, 10).Select(_ => (1, 1, (float)random.NextDouble(), 1))])));
        }

        _source.Write(TestFrames.End(400));
        var pipeline = Pipeline(cloud, new ServeSettings { Thresholds = [0], MaxDelay = TimeSpan.Zero, Adaptive = new AdaptiveSettings { TargetCloudRate = 0.25, Window = 200 } });

        var outcome = await pipeline.RunAsync(TestContext.Current.CancellationToken).WaitAsync(Wait, TestContext.Current.CancellationToken);
        var row = ThresholdEvaluator.Adaptive(outcome.Samples, Classes);

        Assert.All(outcome.Samples, s => Assert.Equal(s.AdaptiveToCloud, s.SentToCloud));
        Assert.Equal(row.CloudSamples, cloud.Samples);
        Assert.InRange(row.CloudCallRate, 0.15, 0.35);
        Assert.NotNull(row.MeanThreshold);
    }

    [Fact]
    public void Constructor_RoutingWithoutACloud_Rejected() =>
        Assert.Throws<ArgumentException>(() => Pipeline(null, new ServeSettings { Thresholds = [0.5] }));

    private ServePipeline Pipeline(FakeCloud? cloud, ServeSettings settings) =>
        new(_source, _student, new LabelMap(Classes, Classes), cloud, settings, _metrics, NullLogger.Instance, _time);
}
