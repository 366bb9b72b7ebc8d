using System.Threading.Channels;
using CloudEdge.Signals.Wire;
using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Sends routed samples to the cloud concurrently with the edge's work: the edge loop submits one request per
/// micro-batch to a bounded queue and moves on; <see cref="CloudDispatchSettings.Concurrency"/> consumers merge
/// queued requests into calls and record the teacher's answers. A failed or timed-out call leaves the edge's
/// answers in place (degraded, counted); a full queue answers at the edge at once instead of stalling the edge.
/// </summary>
public sealed class CloudDispatcher
{
    private readonly ICloudClassifier _cloud;
    private readonly CloudDispatchSettings _settings;
    private readonly int _length;
    private readonly ServeCounters _counters;
    private readonly EdgeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly AdaptiveThreshold? _adaptive;
    private readonly Channel<CloudRequest> _queue;

    public CloudDispatcher(ICloudClassifier cloud, CloudDispatchSettings settings, int length, ServeCounters counters, EdgeMetrics metrics, ILogger logger, TimeProvider time, AdaptiveThreshold? adaptive)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _cloud = cloud;
        _settings = settings;
        _length = length;
        _counters = counters;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _adaptive = adaptive;
        _queue = Channel.CreateBounded<CloudRequest>(new BoundedChannelOptions(settings.QueueCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Kinds of cloud failure and their sample counts (queue overflow counted as <c>queue_full</c>).</summary>
    public ProblemCounts Failures { get; } = new();

    /// <summary>Requests waiting in the queue.</summary>
    public int Queued => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

    /// <summary>Queues a request; when the queue is full its samples are answered at the edge at once (degraded).</summary>
    public void Submit(CloudRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        _counters.AddCloudSent(request.Samples.Count);
        if (_queue.Writer.TryWrite(request))
        {
            return;
        }

        var now = UnixMicros.Now(_time);
        foreach (var s in request.Samples)
        {
            s.Cloud = CloudOutcome.Skipped;
            s.CloudDoneAtMicros = now;
        }

        _counters.AddCloudSkipped(request.Samples.Count);
        _metrics.Degraded.Add(request.Samples.Count, new KeyValuePair<string, object?>("reason", "queue_full"));
        if (Failures.Add("queue_full", request.Samples.Count))
        {
            ServeLog.CloudQueueFull(_logger, _settings.QueueCapacity, request.Samples.Count);
        }

        request.Batch.Complete();
    }

    /// <summary>No more requests will be submitted; <see cref="RunAsync"/> ends once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Runs the consumers until <see cref="Complete"/> and an empty queue, or until cancelled (pending samples then fall back to the edge).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, _settings.Concurrency).Select(_ => Task.Run(() => ConsumeAsync(cancellationToken), CancellationToken.None))).ConfigureAwait(false);
        while (_queue.Reader.TryRead(out var left))
        {
            Fail([left], "cancelled", "serving stopped before the call was made");
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var requests = new List<CloudRequest>();
            var total = 0;
            while (total < _settings.MaxSamplesPerCall && reader.TryRead(out var request))
            {
                requests.Add(request);
                total += request.Samples.Count;
            }

            if (requests.Count > 0)
            {
                await CallAsync(requests, total, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CallAsync(List<CloudRequest> requests, int total, CancellationToken cancellationToken)
    {
        var size = 2 * _length;
        var iq = new float[(long)total * size];
        var offset = 0L;
        foreach (var r in requests)
        {
            r.Iq.CopyTo(iq, offset);
            offset += r.Iq.LongLength;
        }

        try
        {
            var answer = await _cloud.ClassifyAsync(iq, _length, total, cancellationToken).WaitAsync(_settings.Timeout, _time, cancellationToken).ConfigureAwait(false);
            if (answer.Predictions.Length != total || answer.Confidences.Length != total)
            {
                throw new InvalidOperationException($"the cloud answered {answer.Predictions.Length} predictions for {total} samples");
            }

            var now = UnixMicros.Now(_time);
            var k = 0;
            foreach (var r in requests)
            {
                foreach (var s in r.Samples)
                {
                    s.CloudPrediction = answer.Predictions[k++];
                    s.CloudDoneAtMicros = now;
                    s.Cloud = CloudOutcome.Answered;
                    var latency = UnixMicros.ElapsedMs(s.SentAtMicros, now);
                    _metrics.Latency.Record(latency, new KeyValuePair<string, object?>("where", "cloud"));
                    _adaptive?.ObserveCloudLatency(latency);
                }
            }

            _counters.AddCloudAnswered(total);
            _metrics.SamplesAnswered.Add(total, new KeyValuePair<string, object?>("where", "cloud"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Fail(requests, "cancelled", "serving stopped while the call was in flight");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(requests, e is TimeoutException ? "timeout" : e.GetBaseException().GetType().Name, e.GetBaseException().Message);
        }
        finally
        {
            foreach (var r in requests)
            {
                r.Batch.Complete();
            }
        }
    }

    private void Fail(IReadOnlyList<CloudRequest> requests, string kind, string error)
    {
        var now = UnixMicros.Now(_time);
        var samples = 0;
        foreach (var r in requests)
        {
            foreach (var s in r.Samples)
            {
                s.Cloud = CloudOutcome.Failed;
                s.CloudDoneAtMicros = now;
                samples++;
            }

            r.Batch.Complete();
        }

        _counters.AddCloudFailure(samples);
        _metrics.CloudFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));
        _metrics.Degraded.Add(samples, new KeyValuePair<string, object?>("reason", kind));
        if (Failures.Add(kind, samples))
        {
            ServeLog.CloudFailed(_logger, kind, samples, error);
        }
    }
}
