namespace CloudEdge.EdgeClient.Cloud;

/// <summary>
/// A byte-rate limiter: tokens refill at <c>bytesPerSecond</c> up to a burst of one second's worth; a request
/// larger than the bucket may go into debt, and the caller waits until the debt is repaid, so the long-run
/// rate never exceeds the limit. Callers are served in arrival order. Rate 0 = unlimited.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _capacity;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private double _tokens;
    private long _last;

    public TokenBucket(double bytesPerSecond, TimeProvider time, double burstSeconds = 1.0)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (bytesPerSecond < 0 || double.IsNaN(bytesPerSecond) || double.IsInfinity(bytesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerSecond), bytesPerSecond, "rate must be ≥ 0 (0 = unlimited)");
        }

        _time = time;
        _rate = bytesPerSecond;
        _capacity = Math.Max(1, bytesPerSecond * burstSeconds);
        _tokens = _capacity;
        _last = time.GetTimestamp();
    }

    public bool Unlimited => _rate == 0;

    /// <summary>Total time callers have waited for tokens.</summary>
    public TimeSpan TotalWait { get; private set; }

    /// <summary>Takes <paramref name="bytes"/> tokens, waiting as long as the rate requires.</summary>
    public async Task TakeAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (Unlimited || bytes == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Refill();
            _tokens -= bytes;
            if (_tokens < 0)
            {
                var wait = TimeSpan.FromSeconds(-_tokens / _rate);
                TotalWait += wait;
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                Refill();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * _rate));
    }
}
