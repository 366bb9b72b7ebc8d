using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Chooses the share of samples to send to the cloud so that cloud answers meet a latency target: every
/// <c>updateEvery</c> answers it takes the p95 of the recent ones; above the target it cuts the rate by a fifth,
/// below 80 % of the target it raises it by 0.02 (additive increase, multiplicative decrease). The rate never
/// falls below <see cref="MinRate"/>, so a trickle of cloud traffic keeps measuring the latency. Not thread-safe.
/// </summary>
public sealed class LatencyRateController
{
    /// <summary>Smallest rate (keeps probing the cloud).</summary>
    public const double MinRate = 0.01;

    private readonly double _targetMs;
    private readonly double _maxRate;
    private readonly double[] _window;
    private readonly int _updateEvery;
    private int _count;
    private int _next;
    private int _since;

    public LatencyRateController(double targetMs, double initialRate, double maxRate = 1.0, int window = 200, int updateEvery = 20)
    {
        if (!(targetMs > 0) || !(maxRate is >= MinRate and <= 1) || window < 1 || updateEvery < 1)
        {
            throw new ArgumentException($"latency controller: target {targetMs} ms, max rate {maxRate}, window {window}, update every {updateEvery} are not all valid");
        }

        _targetMs = targetMs;
        _maxRate = maxRate;
        _window = new double[window];
        _updateEvery = updateEvery;
        Rate = Math.Clamp(initialRate, MinRate, maxRate);
    }

    /// <summary>The current share of samples to send to the cloud.</summary>
    public double Rate { get; private set; }

    /// <summary>Feeds one cloud answer's latency.</summary>
    public void Observe(double latencyMs)
    {
        _window[_next] = latencyMs;
        _next = (_next + 1) % _window.Length;
        _count = Math.Min(_count + 1, _window.Length);
        if (++_since < _updateEvery)
        {
            return;
        }

        _since = 0;
        var p95 = Percentiles.Of(_window.Take(_count), 95);
        if (p95 > _targetMs)
        {
            Rate = Math.Max(MinRate, Rate * 0.8);
        }
        else if (p95 < 0.8 * _targetMs)
        {
            Rate = Math.Min(_maxRate, Rate + 0.02);
        }
    }
}
