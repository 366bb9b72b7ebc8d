using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CloudEdge.Grains.Interfaces;
using CloudEdge.Learning.Data;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Wire;
using Microsoft.Extensions.Options;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.Silo.Ingest;

/// <summary>
/// The cloud's device endpoint for mode B (device → cloud). A NetMQ ROUTER socket on <c>--ingest-port</c>, owned by
/// one thread with a poller: devices connect a DEALER and send wire frames; each sample frame is queued for
/// <see cref="IngestOptions.Workers"/> workers that classify it with the teacher grain (<see cref="IGrainFactory"/>
/// inside the silo) and send the device a results frame (predictions in the dataset's catalog order; −1 when the
/// batch could not be classified). Keeps per-batch and overall accuracy (log lines, metrics, and the edge
/// statistics grain <c>"ingest"</c> on the dashboard). Malformed frames are counted per kind and logged once.
/// </summary>
public sealed class IngestService(IOptions<IngestOptions> options, IGrainFactory grains, IngestTally tally, IngestMetrics metrics, IHostApplicationLifetime lifetime, ILogger<IngestService> logger)
    : IHostedService, IDisposable
{
    private readonly IngestOptions _options = options.Value;
    private readonly TaskCompletionSource _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<int[]>> _classMaps = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private Channel<IngestWork>? _work;
    private NetMQQueue<IngestReply>? _outbox;
    private NetMQPoller? _poller;
    private Thread? _thread;
    private Task _workers = Task.CompletedTask;
    private long _frames;
    private long _failed;
    private long _reportedRejections;

    /// <summary>Frames rejected so far, all kinds.</summary>
    public long RejectedFrames => _rejected.Values.Sum();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Port == 0)
        {
            IngestLog.Disabled(logger);
            return;
        }

        _work = Channel.CreateBounded<IngestWork>(new BoundedChannelOptions(_options.QueueCapacity) { SingleWriter = true });
        var endpoint = $"tcp://{_options.Host}:{_options.Port}";
        _thread = new Thread(() => RunSocket(endpoint)) { IsBackground = true, Name = "device-ingest" };
        _thread.Start();
        await _bound.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        IngestLog.Listening(logger, endpoint);
        _workers = Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_work is null)
        {
            return;
        }

        _work.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _workers.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_poller is { IsRunning: true } poller)
        {
            poller.Stop();
        }

        _thread?.Join(TimeSpan.FromSeconds(5));
        var overall = tally.Overall;
        IngestLog.Stopped(logger, Interlocked.Read(ref _frames), overall.Samples, Interlocked.Read(ref _failed), RejectedFrames, overall.Text);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _outbox?.Dispose();
    }

    private void RunSocket(string endpoint)
    {
        try
        {
            using var router = new RouterSocket();
            router.Options.ReceiveHighWatermark = _options.HighWaterMark;
            router.Options.SendHighWatermark = _options.HighWaterMark;
            router.Options.Linger = TimeSpan.Zero;
            try
            {
                router.Bind(endpoint);
            }
            catch (NetMQException e)
            {
                _bound.TrySetException(new InvalidOperationException($"--ingest-port: cannot listen for devices on {endpoint}: {e.Message}", e));
                return;
            }

            var outbox = new NetMQQueue<IngestReply>();
            using var poller = new NetMQPoller { router, outbox };
            router.ReceiveReady += (_, e) => Receive(e.Socket);
            outbox.ReceiveReady += (_, e) =>
            {
                while (e.Queue.TryDequeue(out var reply, TimeSpan.Zero))
                {
                    router.TrySendFrame(TimeSpan.Zero, reply.Identity, more: true);
                    router.TrySendFrame(TimeSpan.Zero, reply.Payload);
                }
            };
            _outbox = outbox;
            _poller = poller;
            _bound.TrySetResult();
            poller.Run();
        }
        catch (Exception e) when (e is NetMQException or ObjectDisposedException or TerminatingException)
        {
            _bound.TrySetException(e);
        }
    }

    private void Receive(NetMQSocket router)
    {
        var message = new NetMQMessage();
        for (var n = 0; n < 100 && router.TryReceiveMultipartMessage(TimeSpan.Zero, ref message); n++)
        {
            var now = UnixMicros.Now();
            if (message.FrameCount != 2)
            {
                Reject(DecodeFailure.Malformed.ToString(), $"a message of {message.FrameCount} parts (devices send one frame per message)");
                continue;
            }

            var identity = message[0].ToByteArray();
            var decoded = WireFormat.Decode(message[1].ToByteArray());
            if (!decoded.Ok)
            {
                Reject(decoded.Failure.ToString(), decoded.Error);
            }
            else if (decoded.Samples is { } frame)
            {
                if (!DatasetCatalog.TryGet(frame.Dataset, out _))
                {
                    Reject(DecodeFailure.WrongDataset.ToString(), $"frame is for unknown dataset '{frame.Dataset}'");
                    continue;
                }

                Interlocked.Increment(ref _frames);
                metrics.Frames.Add(1);
                if (!_work!.Writer.TryWrite(new IngestWork(identity, frame, now)))
                {
                    Fail("overloaded", $"{_options.QueueCapacity} frames are already waiting for the teacher", frame.Count);
                    tally.AddFailed(frame.DeviceId, frame.Count);
                    Reply(identity, frame, Enumerable.Repeat(-1, frame.Count).ToArray(), new float[frame.Count]);
                    LogIfComplete(frame.DeviceId, frame.Dataset);
                }
            }
            else if (decoded.End is { } end)
            {
                tally.Announce(end.DeviceId, end.SamplesSent);
                LogIfComplete(end.DeviceId, end.Dataset);
            }
            else
            {
                Reject(DecodeFailure.UnknownKind.ToString(), $"{decoded.Kind} frames are not accepted from devices");
            }
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            using var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, started.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await foreach (var work in _work!.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await ClassifyAsync(work).ConfigureAwait(false);
        }
    }

    private async Task ClassifyAsync(IngestWork work)
    {
        var frame = work.Frame;
        var predictions = new int[frame.Count];
        var confidences = new float[frame.Count];
        var clock = Stopwatch.GetTimestamp();
        try
        {
            var map = await ClassMapAsync(frame.Dataset).ConfigureAwait(false);
            var teacher = grains.GetGrain<ITeacherGrain>(frame.Dataset);
            var size = 2 * frame.Length;
            for (var start = 0; start < frame.Count; start += _options.MaxBatch)
            {
                var count = Math.Min(_options.MaxBatch, frame.Count - start);
                var iq = frame.Iq.AsSpan(start * size, count * size).ToArray();
                var result = await teacher.Classify(new SignalBatch(frame.Dataset, frame.Length, count, iq), ClassifyOutput.Predictions).WaitAsync(_stopping.Token).ConfigureAwait(false);
                for (var k = 0; k < count; k++)
                {
                    var p = result.Predictions[k];
                    predictions[start + k] = p >= 0 && p < map.Length ? map[p] : -1;
                    confidences[start + k] = result.Confidences[k];
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var kind = e is OperationCanceledException ? "stopping" : e.GetBaseException() is ArgumentException ? "rejected_by_teacher" : e.GetBaseException().GetType().Name;
            Fail(kind, e.GetBaseException().Message, frame.Count);
            Array.Fill(predictions, -1);
            Array.Clear(confidences);
            Reply(work.Identity, frame, predictions, confidences);
            metrics.Latency.Record(UnixMicros.ElapsedMs(work.ReceivedAtUnixMicros, UnixMicros.Now()));
            tally.AddFailed(frame.DeviceId, frame.Count);
            LogIfComplete(frame.DeviceId, frame.Dataset);
            return;
        }

        var teacherMs = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
        Reply(work.Identity, frame, predictions, confidences);
        metrics.Samples.Add(frame.Count);
        metrics.Latency.Record(UnixMicros.ElapsedMs(work.ReceivedAtUnixMicros, UnixMicros.Now()));
        var labelled = 0;
        var correct = 0;
        for (var k = 0; k < frame.Count; k++)
        {
            if (frame.Labels[k] >= 0)
            {
                labelled++;
                correct += predictions[k] == frame.Labels[k] ? 1 : 0;
            }
        }

        var batch = new AccuracyCount(frame.Count, labelled, correct);
        var overall = tally.Add(frame.DeviceId, batch);
        IngestLog.Batch(logger, frame.Dataset, frame.Count, frame.DeviceId, batch.Text, correct, labelled, overall.Text, overall.Samples, teacherMs);
        LogIfComplete(frame.DeviceId, frame.Dataset);
        await ReportAsync(frame, labelled, correct).ConfigureAwait(false);
    }

    /// <summary>Logs a device's summary once every sample it announced in its end-of-stream frame has been answered.</summary>
    private void LogIfComplete(string device, string dataset)
    {
        if (tally.TryComplete(device, out var sent, out var stream))
        {
            IngestLog.End(logger, dataset, device, sent, stream.Samples, stream.Text);
        }
    }

    /// <summary>Maps the teacher's class indices to the dataset's catalog indices (the labels on the wire), by class name.</summary>
    private Task<int[]> ClassMapAsync(string dataset) =>
        _classMaps.GetOrAdd(dataset, async id =>
        {
            var info = await grains.GetGrain<ITeacherGrain>(id).Describe().ConfigureAwait(false);
            var catalog = DatasetCatalog.Get(id).Classes;
            return info.Classes.Select(c => catalog.ToList().FindIndex(k => ClassNames.Same(k, c))).ToArray();
        }).ContinueWith(t =>
        {
            if (!t.IsCompletedSuccessfully)
            {
                _classMaps.TryRemove(dataset, out _);
            }

            return t;
        }, TaskScheduler.Default).Unwrap();

    private async Task ReportAsync(SampleBatchFrame frame, int labelled, int correct)
    {
        var rejected = RejectedFrames;
        var newRejections = (int)Math.Max(0, rejected - Interlocked.Exchange(ref _reportedRejections, rejected));
        try
        {
            await grains.GetGrain<IEdgeStatsGrain>("ingest")
                .Report(new EdgeBatchReport(frame.DeviceId, frame.Dataset, frame.Count, 0, frame.Count, labelled, correct, newRejections, frame.Ids[0], frame.Ids[^1]))
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail("stats_report", e.GetBaseException().Message, 0);
        }
    }

    private void Reply(byte[] identity, SampleBatchFrame frame, int[] predictions, float[] confidences) =>
        _outbox?.Enqueue(new IngestReply(identity, WireFormat.Encode(new ResultBatchFrame(frame.Dataset, frame.Ids, predictions, confidences, UnixMicros.Now()))));

    private void Reject(string kind, string error)
    {
        metrics.Rejected.Add(1, new KeyValuePair<string, object?>("kind", kind));
        if (_rejected.AddOrUpdate(kind, 1, (_, n) => n + 1) == 1)
        {
            IngestLog.Rejected(logger, kind, error);
        }
    }

    private void Fail(string kind, string error, int samples)
    {
        Interlocked.Add(ref _failed, samples);
        metrics.Failed.Add(samples, new KeyValuePair<string, object?>("kind", kind));
        if (_failures.AddOrUpdate(kind, 1, (_, n) => n + 1) == 1)
        {
            IngestLog.Failed(logger, kind, error);
        }
    }
}
