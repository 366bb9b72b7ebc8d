using System.Diagnostics;
using CloudEdge.Signals.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>PUSHes frames of samples to an edge at a given pace, then the end-of-stream frame.</summary>
internal sealed class DeviceStreamer(ISampleSource source, StreamSettings settings, TimeProvider time)
{
    /// <summary>Streams everything; returns the number of samples sent.</summary>
    public async Task<StreamSummary> RunAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        using var push = new PushSocket();
        push.Options.SendHighWatermark = settings.SendHighWaterMark;
        push.Options.Linger = TimeSpan.FromSeconds(10);
        push.Connect(settings.Endpoint);

        var sent = 0;
        long nextId = 0;
        long bytes = 0;
        var frames = 0;
        var clock = Stopwatch.StartNew();
        while (sent < settings.TotalSamples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(settings.BatchSize, settings.TotalSamples - sent);
            var data = source.Next(count);
            var ids = new long[data.Count];
            var stamps = new long[data.Count];
            var now = UnixMicros.Now(time);
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = nextId++;
                stamps[i] = now;
            }

            var snr = data.Snr ?? Enumerable.Repeat(WireFormat.UnknownSnr, data.Count).ToArray();
            var frame = WireFormat.Encode(new SampleBatchFrame(settings.DeviceId, source.Dataset.Id, data.Length, ids, data.Y.Select(y => (int)y).ToArray(), snr, stamps, data.X));
            while (!push.TrySendFrame(TimeSpan.FromMilliseconds(200), frame))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            sent += data.Count;
            bytes += frame.Length;
            frames++;
            progress?.Invoke(sent, settings.TotalSamples);
            await PaceAsync(sent, count, clock, cancellationToken).ConfigureAwait(false);
        }

        var end = WireFormat.Encode(new EndOfStreamFrame(settings.DeviceId, source.Dataset.Id, sent));
        while (!push.TrySendFrame(TimeSpan.FromMilliseconds(200), end))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new StreamSummary(sent, frames + 1, bytes + end.Length, clock.Elapsed);
    }

    private async Task PaceAsync(int sent, int lastCount, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (sent >= settings.TotalSamples)
        {
            return;
        }

        TimeSpan wait;
        if (settings.Rate is { } rate && rate > 0)
        {
            // Hold the average rate: the n-th sample is due at n / rate seconds.
            wait = TimeSpan.FromSeconds(sent / rate) - clock.Elapsed;
        }
        else
        {
            wait = lastCount > 0 ? settings.Interval : TimeSpan.Zero;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
