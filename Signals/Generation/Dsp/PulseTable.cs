using System.Runtime.CompilerServices;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// A pulse tabulated on a fine grid over [−<see cref="HalfSpan"/>, <see cref="HalfSpan"/>] (in symbol periods),
/// read back with linear interpolation. At 256 points per symbol the interpolation error of the smooth
/// pulses used here is below 10⁻⁵ of their peak, far under any noise level that is generated.
/// </summary>
internal sealed class PulseTable
{
    private readonly double[] _values;
    private readonly double _below;
    private readonly double _above;
    private double[]? _polyphase;

    /// <param name="halfSpan">Half-length of the support in symbols.</param>
    /// <param name="pointsPerSymbol">Grid density.</param>
    /// <param name="function">The pulse as a function of time in symbols.</param>
    /// <param name="below">Value returned left of the support.</param>
    /// <param name="above">Value returned right of the support.</param>
    public PulseTable(int halfSpan, int pointsPerSymbol, Func<double, double> function, double below = 0, double above = 0)
    {
        HalfSpan = halfSpan;
        PointsPerSymbol = pointsPerSymbol;
        var n = (2 * halfSpan * pointsPerSymbol) + 1;
        _values = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            _values[i] = function(((double)i / pointsPerSymbol) - halfSpan);
        }

        _values[n] = _values[n - 1];
        _below = below;
        _above = above;
    }

    private PulseTable(int halfSpan, int pointsPerSymbol, double[] values, double below, double above)
    {
        HalfSpan = halfSpan;
        PointsPerSymbol = pointsPerSymbol;
        _values = values;
        _below = below;
        _above = above;
    }

    /// <summary>Half-length of the support in symbols.</summary>
    public int HalfSpan { get; }

    /// <summary>Grid points per symbol.</summary>
    public int PointsPerSymbol { get; }

    /// <summary>The tabulated values (length 2·HalfSpan·PointsPerSymbol + 2; the last repeats its neighbour).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>
    /// The table in polyphase order for a filter of 2·HalfSpan taps: row φ (0 … PointsPerSymbol) holds the taps
    /// j = 0 … 2·HalfSpan − 1 at <c>Values[φ + (2·HalfSpan − 1 − j)·PointsPerSymbol]</c>, so that one output
    /// sample reads two contiguous rows (φ and φ + 1, for the interpolation). Built on first use.
    /// </summary>
    public double[] Polyphase => _polyphase ??= BuildPolyphase();

    /// <summary>The pulse at time <paramref name="t"/> (symbols), linearly interpolated.</summary>
    public double this[double t]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var x = (t + HalfSpan) * PointsPerSymbol;
            if (x < 0)
            {
                return _below;
            }

            var i = (int)x;
            if (i >= _values.Length - 2)
            {
                return _above;
            }

            var f = x - i;
            return _values[i] + (f * (_values[i + 1] - _values[i]));
        }
    }

    private double[] BuildPolyphase()
    {
        var taps = 2 * HalfSpan;
        var rows = new double[(PointsPerSymbol + 1) * taps];
        for (var phi = 0; phi <= PointsPerSymbol; phi++)
        {
            for (var j = 0; j < taps; j++)
            {
                rows[(phi * taps) + j] = _values[phi + ((taps - 1 - j) * PointsPerSymbol)];
            }
        }

        return rows;
    }

    /// <summary>A copy scaled by <paramref name="factor"/>.</summary>
    public PulseTable Scaled(double factor)
    {
        var v = new double[_values.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = _values[i] * factor;
        }

        return new PulseTable(HalfSpan, PointsPerSymbol, v, _below * factor, _above * factor);
    }
}
