using System.Diagnostics;
using CloudEdge.Signals.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>
/// Mode B (device → cloud): a DEALER socket connected to the silo's ingest ROUTER. Sends the frames at the given
/// pace while collecting the results frames that come back, then the end-of-stream frame, then waits until every
/// sample is answered or no answer has come for <c>answerTimeout</c>. One thread owns the socket.
/// </summary>
internal sealed class CloudStreamer(ISampleSource source, StreamSettings settings, TimeSpan answerTimeout, TimeProvider time)
{
    public Task<CloudStreamResults> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private CloudStreamResults Run(CancellationToken cancellationToken)
    {
        using var dealer = new DealerSocket();
        dealer.Options.SendHighWatermark = settings.SendHighWaterMark;
        dealer.Options.ReceiveHighWatermark = 10_000;
        dealer.Options.Linger = TimeSpan.FromSeconds(2);
        dealer.Connect(settings.Endpoint);

        var frames = new FrameFactory(source, settings.DeviceId, time);
        var answers = new CloudAnswers(source.Dataset.Classes);
        var pacer = new Pacer(settings);
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var sent = 0;
        while (sent < settings.TotalSamples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frame = frames.Next(Math.Min(settings.BatchSize, settings.TotalSamples - sent));
            var encoded = WireFormat.Encode(frame);
            answers.Record(frame);
            while (!dealer.TrySendFrame(TimeSpan.FromMilliseconds(50), encoded))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Receive(dealer, answers, TimeSpan.Zero);
            }

            sent += frame.Count;
            bytes += encoded.Length;
            var due = clock.Elapsed + pacer.WaitAfter(sent, frame.Count);
            do
            {
                Receive(dealer, answers, WholeMilliseconds(due - clock.Elapsed));
            }
            while (clock.Elapsed < due && !cancellationToken.IsCancellationRequested);
        }

        var end = frames.End(sent);
        while (!dealer.TrySendFrame(TimeSpan.FromMilliseconds(200), end))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        bytes += end.Length;
        var lastProgress = clock.Elapsed;
        while (answers.Outstanding > 0 && clock.Elapsed - lastProgress < answerTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Receive(dealer, answers, TimeSpan.FromMilliseconds(100)))
            {
                lastProgress = clock.Elapsed;
            }
        }

        return answers.Results(source.Dataset.Id, settings.DeviceId, bytes, clock.Elapsed);
    }

    /// <summary>Receives what is there (waiting up to <paramref name="wait"/> for the first message); true when a results frame arrived.</summary>
    private bool Receive(DealerSocket dealer, CloudAnswers answers, TimeSpan wait)
    {
        var any = false;
        var first = true;
        while (dealer.TryReceiveFrameBytes(first ? wait : TimeSpan.Zero, out var bytes, out var more))
        {
            first = false;
            while (more && dealer.TryReceiveFrameBytes(TimeSpan.Zero, out _, out more))
            {
            }

            any |= answers.Accept(bytes, source.Dataset.Id, UnixMicros.Now(time));
        }

        return any;
    }

    /// <summary>
    /// A wait NetMQ handles: zero, or whole milliseconds. NetMQ turns a timeout into whole milliseconds, and a positive
    /// timeout below one millisecond becomes an endless busy wait for the next message.
    /// </summary>
    private static TimeSpan WholeMilliseconds(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Floor(wait.TotalMilliseconds));
}
