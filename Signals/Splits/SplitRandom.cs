using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Splits;

/// <summary>
/// The splitter's random numbers: the generators' xoshiro256** (<see cref="Xoshiro256"/>, seeded through
/// SplitMix64: the same sequence on every platform and .NET version), with uniform, normal (Marsaglia polar),
/// Gamma (Marsaglia–Tsang) and Dirichlet draws on top.
/// </summary>
internal sealed class SplitRandom
{
    private Xoshiro256 _core;
    private double? _spareNormal;

    public SplitRandom(long seed)
    {
        _core = new Xoshiro256(unchecked((ulong)seed));
    }

    public ulong NextUInt64() => _core.NextUInt64();

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>Uniform in (0, 1).</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)Math.BigMul(NextUInt64(), (ulong)n, out _);
    }

    /// <summary>Standard normal (Marsaglia's polar method).</summary>
    public double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>
    /// log of a Gamma(shape, 1) draw (Marsaglia–Tsang; for shape &lt; 1 the boost
    /// Gamma(a) = Gamma(a + 1)·U^(1/a), kept in log space so tiny shapes do not underflow).
    /// </summary>
    public double NextLogGamma(double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Gamma shape must be positive and finite");
        }

        if (shape < 1)
        {
            return NextLogGamma(shape + 1) + (Math.Log(NextOpenDouble()) / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextOpenDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return Math.Log(d * v);
            }
        }
    }

    /// <summary>A Gamma(shape, 1) draw.</summary>
    public double NextGamma(double shape) => Math.Exp(NextLogGamma(shape));

    /// <summary>A symmetric Dirichlet(alpha, …, alpha) draw of <paramref name="k"/> proportions summing to 1.</summary>
    public double[] NextDirichlet(double alpha, int k)
    {
        var logs = new double[k];
        for (var i = 0; i < k; i++)
        {
            logs[i] = NextLogGamma(alpha);
        }

        var max = logs.Max();
        var p = logs.Select(l => Math.Exp(l - max)).ToArray();
        var sum = p.Sum();
        return p.Select(v => v / sum).ToArray();
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
