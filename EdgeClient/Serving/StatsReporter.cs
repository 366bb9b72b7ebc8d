using System.Threading.Channels;
using CloudEdge.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Reports every completed micro-batch to the cloud's <see cref="IEdgeStatsGrain"/> from a background loop, so a
/// slow or failing report never holds up serving. Failures are counted and logged once.
/// </summary>
public sealed class StatsReporter
{
    private readonly IEdgeStatsGrain _grain;
    private readonly ILogger _logger;
    private readonly Channel<EdgeBatchReport> _queue = Channel.CreateUnbounded<EdgeBatchReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<long> _rejectedFrames;
    private readonly string _dataset;
    private long _reportedRejections;
    private long _failures;
    private Task? _loop;

    public StatsReporter(IEdgeStatsGrain grain, string dataset, Func<long> rejectedFrames, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        ArgumentNullException.ThrowIfNull(rejectedFrames);
        _grain = grain;
        _rejectedFrames = rejectedFrames;
        _logger = logger;
    }

    /// <summary>The cloud's latest cumulative figures for this edge.</summary>
    public EdgeStatsSnapshot? Last { get; private set; }

    /// <summary>Reports that failed.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Queues the report of a completed batch (called from any thread).</summary>
    public void Enqueue(BatchProgress batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var samples = batch.Samples;
        if (samples.Count == 0)
        {
            return;
        }

        int edge = 0, cloud = 0, labelled = 0, correct = 0;
        foreach (var s in samples)
        {
            var prediction = s.SentToCloud ? s.CloudRoutedPrediction : s.EdgePrediction;
            edge += s.SentToCloud && s.Cloud == CloudOutcome.Answered ? 0 : 1;
            cloud += s.SentToCloud && s.Cloud == CloudOutcome.Answered ? 1 : 0;
            if (s.Label >= 0)
            {
                labelled++;
                correct += prediction == s.Label ? 1 : 0;
            }
        }

        var rejected = _rejectedFrames();
        var newRejections = (int)(rejected - Interlocked.Exchange(ref _reportedRejections, rejected));
        _queue.Writer.TryWrite(new EdgeBatchReport(samples[0].DeviceId, _dataset, samples.Count, edge, cloud, labelled, correct, Math.Max(0, newRejections), samples[0].Id, samples[^1].Id));
    }

    /// <summary>Starts the background loop.</summary>
    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Sends what is queued (waiting at most <paramref name="timeout"/>) and stops.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await Task.WhenAny(_loop, Task.Delay(timeout)).ConfigureAwait(false);
        }
    }

    private async Task LoopAsync()
    {
        await foreach (var report in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Last = await _grain.Report(report).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (Interlocked.Increment(ref _failures) == 1)
                {
                    ServeLog.ReportFailed(_logger, e.GetBaseException().Message);
                }
            }
        }
    }
}
