namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Sets the routing threshold at run time from the observed confidence distribution: the threshold is the
/// quantile of a sliding window of recent confidences at the target cloud rate r, so that about a share r of
/// samples falls below it (and goes to the cloud) whatever the model's calibration or the data's mix. With a
/// latency target, r itself comes from a <see cref="LatencyRateController"/>. Thread-safe.
/// </summary>
public sealed class AdaptiveThreshold
{
    private readonly AdaptiveSettings _settings;
    private readonly LatencyRateController? _latency;
    private readonly float[] _window;
    private readonly float[] _scratch;
    private readonly Lock _gate = new();
    private int _count;
    private int _next;
    private double _threshold;

    public AdaptiveThreshold(AdaptiveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _window = new float[settings.Window];
        _scratch = new float[settings.Window];
        _threshold = settings.InitialThreshold;
        if (settings.TargetLatencyMs is { } target)
        {
            var cap = settings.TargetCloudRate ?? 1.0;
            _latency = new LatencyRateController(target, Math.Min(cap, 0.5), Math.Max(LatencyRateController.MinRate, cap));
        }
    }

    /// <summary>The threshold in force now.</summary>
    public double Threshold
    {
        get
        {
            lock (_gate)
            {
                return _threshold;
            }
        }
    }

    /// <summary>The share of samples the controller currently aims to send to the cloud.</summary>
    public double TargetRate
    {
        get
        {
            lock (_gate)
            {
                return CurrentRate();
            }
        }
    }

    /// <summary>Adds confidences to the window and recomputes the threshold.</summary>
    public void Observe(ReadOnlySpan<float> confidences)
    {
        lock (_gate)
        {
            foreach (var c in confidences)
            {
                _window[_next] = c;
                _next = (_next + 1) % _window.Length;
                _count = Math.Min(_count + 1, _window.Length);
            }

            if (_count >= _settings.WarmUp)
            {
                var sorted = _scratch.AsSpan(0, _count);
                _window.AsSpan(0, _count).CopyTo(sorted);
                sorted.Sort();
                _threshold = QuantileThreshold(sorted, CurrentRate());
            }
        }
    }

    /// <summary>Feeds the latency of a cloud answer to the latency controller (ignored without a latency target).</summary>
    public void ObserveCloudLatency(double milliseconds)
    {
        if (_latency is null)
        {
            return;
        }

        lock (_gate)
        {
            _latency.Observe(milliseconds);
        }
    }

    /// <summary>
    /// The threshold below which a share <paramref name="rate"/> of the (ascending) <paramref name="sorted"/>
    /// confidences lies: rate 0 gives the smallest value (nothing below it), rate 1 a value just above the largest.
    /// </summary>
    public static double QuantileThreshold(ReadOnlySpan<float> sorted, double rate)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("no confidences to take a quantile of", nameof(sorted));
        }

        var k = (int)Math.Round(Math.Clamp(rate, 0, 1) * sorted.Length);
        return k >= sorted.Length ? Math.BitIncrement((double)sorted[^1]) : sorted[k];
    }

    private double CurrentRate() => _latency?.Rate ?? _settings.TargetCloudRate ?? 0;
}
