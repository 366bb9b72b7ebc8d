using System.Diagnostics;
using CloudEdge.Signals.Wire;
using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The edge's serving loop: micro-batches from the source → one student forward pass per batch → confidence →
/// samples below the routing threshold (the largest fixed threshold, or the adaptive one) go to the
/// <see cref="CloudDispatcher"/>, which works concurrently, while the loop goes on with the next batch. Every
/// classified sample is recorded (<see cref="ServedSample"/>) so the results of every threshold can be computed
/// afterwards. Stops after the expected end-of-stream frames, when cancelled, or when the source stays idle.
/// </summary>
public sealed class ServePipeline
{
    private readonly IDeviceSource _source;
    private readonly IEdgeClassifier _student;
    private readonly LabelMap _labels;
    private readonly ServeSettings _settings;
    private readonly EdgeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<BatchProgress>? _batchDone;
    private readonly Action<EndOfStreamFrame>? _onEnd;
    private readonly List<ServedSample> _samples = [];
    private readonly double _routing;
    private float[] _buffer = [];
    private long _lastActivity;
    private int _devicesEnded;
    private long _announced;

    public ServePipeline(
        IDeviceSource source,
        IEdgeClassifier student,
        LabelMap labels,
        ICloudClassifier? cloud,
        ServeSettings settings,
        EdgeMetrics metrics,
        ILogger logger,
        TimeProvider time,
        Action<BatchProgress>? batchDone = null,
        Action<EndOfStreamFrame>? onEnd = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        settings.Validate();
        if (cloud is null && settings.UsesCloud)
        {
            throw new ArgumentException("routing to the cloud needs a cloud: without one, use threshold 0 and no adaptive target");
        }

        _source = source;
        _student = student;
        _labels = labels;
        _settings = settings;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _batchDone = batchDone;
        _onEnd = onEnd;
        _routing = settings.RoutingThreshold;
        Adaptive = settings.Adaptive is { } adaptive ? new AdaptiveThreshold(adaptive) : null;
        Dispatcher = cloud is null ? null : new CloudDispatcher(cloud, settings.Cloud, student.InputLength, Counters, metrics, logger, time, Adaptive);
    }

    public ServeCounters Counters { get; } = new();

    /// <summary>The adaptive controller, when adaptive routing is on.</summary>
    public AdaptiveThreshold? Adaptive { get; }

    /// <summary>The cloud side, when there is a cloud.</summary>
    public CloudDispatcher? Dispatcher { get; }

    /// <summary>End-of-stream frames seen so far.</summary>
    public int DevicesEnded => Volatile.Read(ref _devicesEnded);

    /// <summary>Serves until the expected devices have ended, the source closes, it stays idle, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<ServeOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        Volatile.Write(ref _lastActivity, started);
        var dispatching = Dispatcher?.RunAsync(cancellationToken) ?? Task.CompletedTask;
        var batcher = new MicroBatcher(_source.Reader, _settings.MaxBatch, _settings.MaxDelay, _time);
        using var idle = new CancellationTokenSource();
        using var stopWatchdog = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var watchdog = _settings.IdleTimeout is { } timeout ? WatchIdleAsync(timeout, idle, stopWatchdog.Token) : Task.CompletedTask;
        string reason;
        try
        {
            while (true)
            {
                MicroBatch? batch;
                try
                {
                    batch = await batcher.NextAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    reason = "cancelled";
                    break;
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested)
                {
                    reason = "idle";
                    break;
                }

                if (batch is null)
                {
                    reason = "source closed";
                    break;
                }

                Volatile.Write(ref _lastActivity, _time.GetTimestamp());
                if (batch.Slices.Count > 0)
                {
                    Process(batch);
                }

                foreach (var end in batch.Ends)
                {
                    Interlocked.Increment(ref _devicesEnded);
                    _announced += end.SamplesSent;
                    _onEnd?.Invoke(end);
                }

                if (_settings.Devices > 0 && DevicesEnded >= _settings.Devices)
                {
                    reason = "end of stream";
                    break;
                }
            }
        }
        finally
        {
            await stopWatchdog.CancelAsync().ConfigureAwait(false);
            Dispatcher?.Complete();
        }

        await watchdog.ConfigureAwait(false);
        await dispatching.ConfigureAwait(false);
        return new ServeOutcome(reason, DevicesEnded, _announced, _time.GetElapsedTime(started), _samples);
    }

    private void Process(MicroBatch batch)
    {
        var length = _student.InputLength;
        var size = 2 * length;
        var count = batch.Count;
        if (_buffer.Length < count * size)
        {
            _buffer = new float[count * size];
        }

        var start = UnixMicros.Now(_time);
        var offset = 0;
        foreach (var slice in batch.Slices)
        {
            if (slice.Frame.Length != length)
            {
                throw new InvalidOperationException($"a frame with samples of length {slice.Frame.Length} reached a model that takes {length}");
            }

            slice.Frame.Iq.AsSpan(slice.Start * size, slice.Count * size).CopyTo(_buffer.AsSpan(offset * size));
            offset += slice.Count;
            _metrics.QueueDelay.Record(UnixMicros.ElapsedMs(slice.ReceivedAtUnixMicros, start));
        }

        var clock = Stopwatch.GetTimestamp();
        var output = _student.Classify(_buffer, count);
        _metrics.InferenceTime.Record(Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
        var answered = UnixMicros.Now(_time);
        var adaptive = Adaptive?.Threshold ?? double.NaN;
        var records = new ServedSample[count];
        var routed = new List<int>();
        var i = 0;
        foreach (var slice in batch.Slices)
        {
            var frame = slice.Frame;
            for (var k = slice.Start; k < slice.Start + slice.Count; k++, i++)
            {
                var confidence = output.Confidences[i];
                var adaptiveToCloud = Adaptive is not null && confidence < adaptive;
                var toCloud = confidence < _routing || adaptiveToCloud;
                records[i] = new ServedSample
                {
                    Id = frame.Ids[k],
                    DeviceId = frame.DeviceId,
                    Label = _labels.Map(frame.Labels[k]),
                    Snr = frame.Snr[k],
                    SentAtMicros = frame.SentAtUnixMicros[k],
                    ReceivedAtMicros = slice.ReceivedAtUnixMicros,
                    EdgePrediction = output.Predictions[i],
                    Confidence = confidence,
                    EdgeAnsweredAtMicros = answered,
                    PayloadBytes = size * sizeof(float),
                    AdaptiveThreshold = (float)adaptive,
                    AdaptiveToCloud = adaptiveToCloud,
                    SentToCloud = toCloud,
                };
                if (toCloud)
                {
                    routed.Add(i);
                }
                else
                {
                    _metrics.Latency.Record(UnixMicros.ElapsedMs(records[i].SentAtMicros, answered), new KeyValuePair<string, object?>("where", "edge"));
                }
            }
        }

        Adaptive?.Observe(output.Confidences.AsSpan(0, count));
        _samples.AddRange(records);
        Counters.AddBatch(count, count - routed.Count);
        _metrics.BatchSize.Record(count);
        _metrics.SamplesAnswered.Add(count - routed.Count, new KeyValuePair<string, object?>("where", "edge"));
        var progress = new BatchProgress(records, b => _batchDone?.Invoke(b));
        if (routed.Count == 0 || Dispatcher is null)
        {
            progress.Complete();
            return;
        }

        var iq = new float[routed.Count * size];
        var routedSamples = new ServedSample[routed.Count];
        for (var r = 0; r < routed.Count; r++)
        {
            _buffer.AsSpan(routed[r] * size, size).CopyTo(iq.AsSpan(r * size));
            routedSamples[r] = records[routed[r]];
        }

        _metrics.CloudBytes.Add(iq.LongLength * sizeof(float), new KeyValuePair<string, object?>("direction", "sent"));
        Dispatcher.Submit(new CloudRequest(routedSamples, iq, progress));
    }

    private async Task WatchIdleAsync(TimeSpan timeout, CancellationTokenSource idle, CancellationToken stop)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, Math.Min(timeout.Ticks / 4, TimeSpan.FromSeconds(1).Ticks)));
        try
        {
            while (true)
            {
                await Task.Delay(period, _time, stop).ConfigureAwait(false);
                if (_source.FramesAccepted > 0 && _time.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= timeout)
                {
                    ServeLog.Idle(_logger, timeout.TotalSeconds, DevicesEnded, _settings.Devices);
                    await idle.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
