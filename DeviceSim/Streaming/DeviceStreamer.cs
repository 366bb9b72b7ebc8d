using CloudEdge.Signals.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>PUSHes frames of samples to an edge at a given pace, then the end-of-stream frame (mode edge).</summary>
internal sealed class DeviceStreamer(ISampleSource source, StreamSettings settings, TimeProvider time)
{
    /// <summary>Streams everything; returns what was sent.</summary>
    public async Task<StreamSummary> RunAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        using var push = new PushSocket();
        push.Options.SendHighWatermark = settings.SendHighWaterMark;
        push.Options.Linger = TimeSpan.FromSeconds(10);
        push.Connect(settings.Endpoint);

        var frames = new FrameFactory(source, settings.DeviceId, time);
        var pacer = new Pacer(settings);
        var sent = 0;
        long bytes = 0;
        var count = 0;
        while (sent < settings.TotalSamples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frame = frames.Next(Math.Min(settings.BatchSize, settings.TotalSamples - sent));
            var encoded = WireFormat.Encode(frame);
            Send(push, encoded, cancellationToken);
            sent += frame.Count;
            bytes += encoded.Length;
            count++;
            progress?.Invoke(sent, settings.TotalSamples);
            var wait = pacer.WaitAfter(sent, frame.Count);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }

        var end = frames.End(sent);
        Send(push, end, cancellationToken);
        return new StreamSummary(sent, count + 1, bytes + end.Length, pacer.Elapsed);
    }

    private static void Send(PushSocket push, byte[] frame, CancellationToken cancellationToken)
    {
        while (!push.TrySendFrame(TimeSpan.FromMilliseconds(200), frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
