using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace CloudEdge.EdgeClient.Cloud;

/// <summary>
/// The one path for every call from an edge to the cloud: enforces the link rate (token bucket over the bytes
/// sent and received), counts bytes both ways, retries transient failures (silo unavailable, connection lost,
/// time-outs) with exponential back-off, and reports its figures. Errors the cloud raises about the request
/// itself (<see cref="ArgumentException"/>) are not retried.
/// </summary>
public sealed class CloudLink : IDisposable
{
    public const string MeterName = "CloudEdge.Link";

    private readonly CloudLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TokenBucket _bucket;
    private readonly Meter _meter;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _calls;
    private long _callCount;
    private long _sent;
    private long _received;
    private long _retries;
    private long _failures;
    private long _callTicks;

    public CloudLink(CloudLinkOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts < 1)
        {
            throw new ArgumentException($"link attempts must be ≥ 1 (got {options.MaxAttempts})", nameof(options));
        }

        _options = options;
        _time = time;
        _logger = logger;
        _bucket = new TokenBucket(options.RateLimitMegabytesPerSecond * 1e6, time);
        _meter = new Meter(MeterName);
        _bytes = _meter.CreateCounter<long>("cloudedge.link.bytes", "By", "Bytes over the edge-cloud link, by direction");
        _calls = _meter.CreateCounter<long>("cloudedge.link.calls", "{call}", "Calls to the cloud, by operation and outcome");
    }

    public LinkFigures Figures => new(
        Interlocked.Read(ref _callCount), Interlocked.Read(ref _sent), Interlocked.Read(ref _received),
        Interlocked.Read(ref _retries), Interlocked.Read(ref _failures), _bucket.TotalWait, TimeSpan.FromTicks(Interlocked.Read(ref _callTicks)));

    /// <summary>
    /// Makes one call through the link. <paramref name="bytesOut"/> is the payload sent; <paramref name="bytesIn"/>
    /// measures the answer. The rate limit is applied to both before the result is handed back.
    /// </summary>
    public async Task<T> CallAsync<T>(string operation, long bytesOut, Func<Task<T>> call, Func<T, long> bytesIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(bytesIn);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _bucket.TakeAsync(bytesOut, cancellationToken).ConfigureAwait(false);
            var delay = _options.InitialBackoff;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Interlocked.Add(ref _sent, bytesOut);
                    _bytes.Add(bytesOut, new KeyValuePair<string, object?>("direction", "sent"));
                    var result = await call().ConfigureAwait(false);
                    var received = bytesIn(result);
                    Interlocked.Add(ref _received, received);
                    _bytes.Add(received, new KeyValuePair<string, object?>("direction", "received"));
                    await _bucket.TakeAsync(received, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _callCount);
                    _calls.Add(1, new("operation", operation), new("outcome", "ok"));
                    return result;
                }
                catch (Exception e) when (IsTransient(e) && attempt < _options.MaxAttempts && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _retries);
                    _calls.Add(1, new("operation", operation), new("outcome", "retry"));
                    LinkLog.Retry(_logger, operation, attempt, e.GetBaseException().Message, (int)delay.TotalMilliseconds);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, delay.Ticks * 2));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref _failures);
                    _calls.Add(1, new("operation", operation), new("outcome", "failed"));
                    throw;
                }
            }
        }
        finally
        {
            Interlocked.Add(ref _callTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    /// <summary>Failures worth retrying: the cloud or the connection, not the request.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException or OrleansMessageRejectionException or TimeoutException => true,
        OrleansException o when o.InnerException is { } inner => IsTransient(inner),
        AggregateException a => a.InnerExceptions.All(IsTransient),
        _ => false,
    };

    public void Dispose() => _meter.Dispose();
}
