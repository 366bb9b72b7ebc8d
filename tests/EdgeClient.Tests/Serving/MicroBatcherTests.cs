using System.Threading.Channels;
using CloudEdge.EdgeClient.Serving;
using Microsoft.Extensions.Time.Testing;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class MicroBatcherTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(5);
    private readonly Channel<DeviceMessage> _channel = Channel.CreateUnbounded<DeviceMessage>();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task NextAsync_FullBatchWaiting_ReturnsItWithoutWaiting()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        Write(TestFrames.Plain(0, 6), TestFrames.Plain(6, 6));

        var next = batcher.NextAsync(CancellationToken.None);

        Assert.True(next.IsCompleted);
        var batch = (await next)!;
        Assert.Equal(10, batch.Count);
        Assert.Equal([6, 4], batch.Slices.Select(s => s.Count));
    }

    [Fact]
    public async Task NextAsync_PartialBatch_HandedOutWhenTheDelayHasPassed()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        Write(TestFrames.Plain(0, 3));

        var next = batcher.NextAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var batch = await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(3, batch!.Count);
    }

    [Fact]
    public async Task NextAsync_SamplesArriveBeforeTheDeadline_JoinTheBatch()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        Write(TestFrames.Plain(0, 3));

        var next = batcher.NextAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(2));
        Write(TestFrames.Plain(3, 7));

        var batch = await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(10, batch!.Count);
        Assert.Equal(2, batch.Slices.Count);
    }

    [Fact]
    public async Task NextAsync_FrameLargerThanTheBatch_SplitInOrder()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        Write(TestFrames.Plain(0, 25));

        var first = (await batcher.NextAsync(CancellationToken.None))!;
        var second = (await batcher.NextAsync(CancellationToken.None))!;
        var third = batcher.NextAsync(CancellationToken.None).AsTask();
        _time.Advance(Delay);
        var last = (await third.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken))!;

        Assert.Equal([0, 10, 20], new[] { first, second, last }.Select(b => b.Slices[0].Start));
        Assert.Equal([10, 10, 5], new[] { first, second, last }.Select(b => b.Count));
    }

    [Fact]
    public async Task NextAsync_EndOfStream_ClosesTheBatchAfterTheSamplesBeforeIt()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        _channel.Writer.TryWrite(TestFrames.Message(TestFrames.Plain(0, 2)));
        _channel.Writer.TryWrite(TestFrames.End(2));
        _channel.Writer.TryWrite(TestFrames.Message(TestFrames.Plain(2, 2)));

        var batch = (await batcher.NextAsync(CancellationToken.None))!;

        Assert.Equal(2, batch.Count);
        Assert.Equal(2, Assert.Single(batch.Ends).SamplesSent);
    }

    [Fact]
    public async Task NextAsync_ZeroDelay_HandsOutWhatIsThere()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, TimeSpan.Zero, _time);
        Write(TestFrames.Plain(0, 3));

        var next = batcher.NextAsync(CancellationToken.None);

        Assert.True(next.IsCompleted);
        Assert.Equal(3, (await next)!.Count);
    }

    [Fact]
    public async Task NextAsync_SourceCompleted_ReturnsNullAfterTheLastSamples()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        Write(TestFrames.Plain(0, 3));
        _channel.Writer.Complete();

        var last = await batcher.NextAsync(CancellationToken.None);
        var none = await batcher.NextAsync(CancellationToken.None);

        Assert.Equal(3, last!.Count);
        Assert.Null(none);
    }

    [Fact]
    public async Task NextAsync_Cancelled_Throws()
    {
        var batcher = new MicroBatcher(_channel.Reader, 10, Delay, _time);
        using var cts = new CancellationTokenSource();
        var next = batcher.NextAsync(cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private void Write(params Signals.Wire.SampleBatchFrame[] frames)
    {
        foreach (var frame in frames)
        {
            Assert.True(_channel.Writer.TryWrite(TestFrames.Message(frame)));
        }
    }
}
