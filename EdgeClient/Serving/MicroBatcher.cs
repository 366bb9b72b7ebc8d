using System.Threading.Channels;
using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Groups the samples of incoming frames into micro-batches: a batch is handed out as soon as it holds
/// <c>maxBatch</c> samples, or when <c>maxDelay</c> has passed since its first sample was taken, or when an
/// end-of-stream frame arrives (the end travels with the samples before it, so statistics stay in order).
/// Frames larger than the limit are split across batches. A delay of zero hands out whatever is available at once.
/// Single consumer: one caller at a time.
/// </summary>
public sealed class MicroBatcher
{
    private readonly ChannelReader<DeviceMessage> _source;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;
    private SampleSlice? _carry;

    public MicroBatcher(ChannelReader<DeviceMessage> source, int maxBatch, TimeSpan maxDelay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        _source = source;
        _maxBatch = maxBatch;
        _maxDelay = maxDelay;
        _time = time;
    }

    /// <summary>The next batch; null once the source is completed and everything has been handed out.</summary>
    public async ValueTask<MicroBatch?> NextAsync(CancellationToken cancellationToken)
    {
        var slices = new List<SampleSlice>();
        var ends = new List<EndOfStreamFrame>();
        var count = 0;
        long started = 0;
        while (true)
        {
            if (_carry is { } carry)
            {
                _carry = null;
                count += Take(carry, slices, ref started);
            }

            while (count < _maxBatch && _carry is null && _source.TryRead(out var message))
            {
                if (message.End is { } end)
                {
                    ends.Add(end);
                    return new MicroBatch(slices, ends);
                }

                if (message.Samples is { } frame)
                {
                    count += Take(new SampleSlice(frame, 0, frame.Count, message.ReceivedAtUnixMicros), slices, ref started);
                }
            }

            if (count >= _maxBatch)
            {
                return new MicroBatch(slices, ends);
            }

            if (count == 0)
            {
                if (!await _source.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                continue;
            }

            var left = _maxDelay - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return new MicroBatch(slices, ends);
            }

            using var deadline = new CancellationTokenSource(left, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                if (!await _source.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                {
                    return new MicroBatch(slices, ends);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new MicroBatch(slices, ends);
            }
        }

        int Take(SampleSlice slice, List<SampleSlice> into, ref long firstTaken)
        {
            if (into.Count == 0)
            {
                firstTaken = _time.GetTimestamp();
            }

            var room = _maxBatch - into.Sum(s => s.Count);
            if (slice.Count <= room)
            {
                into.Add(slice);
                return slice.Count;
            }

            into.Add(slice with { Count = room });
            _carry = slice with { Start = slice.Start + room, Count = slice.Count - room };
            return room;
        }
    }
}
