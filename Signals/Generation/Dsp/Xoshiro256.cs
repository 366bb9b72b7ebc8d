using System.Numerics;
using System.Runtime.CompilerServices;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// xoshiro256** pseudo-random generator (Blackman &amp; Vigna), seeded through SplitMix64. A value type so a
/// per-sample generator costs no allocation; pass it by reference. Every synthetic sample draws from its own
/// generator derived from (seed, sample index), which makes datasets independent of thread scheduling.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The generator of sample <paramref name="index"/> of a dataset made with <paramref name="seed"/>.</summary>
    public static Xoshiro256 ForSample(long seed, long index)
    {
        var x = unchecked((ulong)seed ^ 0x6A09E667F3BCC909UL);
        var h = SplitMix64(ref x);
        x = h ^ unchecked((ulong)index * 0xD1B54A32D192ED03UL);
        return new Xoshiro256(SplitMix64(ref x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform in [−<paramref name="halfWidth"/>, <paramref name="halfWidth"/>).</summary>
    public double Symmetric(double halfWidth) => halfWidth * ((2 * NextDouble()) - 1);

    /// <summary>Uniform integer in [0, <paramref name="n"/>) (multiply-shift; the bias is below 2⁻³²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>A standard normal deviate (ziggurat method; see <see cref="Ziggurat"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextGaussian()
    {
        var u = NextUInt64();
        var hz = (int)(u >> 32);
        var iz = (int)(u & 127);
        return (uint)Math.Abs((long)hz) < Ziggurat.K[iz] ? hz * Ziggurat.W[iz] : GaussianSlow(hz, iz);
    }

    /// <summary>Two independent standard normal deviates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void NextGaussianPair(out double a, out double b)
    {
        a = NextGaussian();
        b = NextGaussian();
    }

    /// <summary>A circular complex Gaussian with E|z|² = <paramref name="variance"/>.</summary>
    public Complex NextComplexGaussian(double variance)
    {
        NextGaussianPair(out var a, out var b);
        var s = Math.Sqrt(variance / 2);
        return new Complex(a * s, b * s);
    }

    /// <summary>A uniformly distributed phase in [0, 2π).</summary>
    public double NextPhase() => 2 * Math.PI * NextDouble();

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The ziggurat's rejection step: the wedge of layer <paramref name="iz"/>, or the tail beyond R.</summary>
    private double GaussianSlow(int hz, int iz)
    {
        while (true)
        {
            var x = hz * Ziggurat.W[iz];
            if (iz == 0)
            {
                double tail, y;
                do
                {
                    tail = -Math.Log(1 - NextDouble()) / Ziggurat.R;
                    y = -Math.Log(1 - NextDouble());
                }
                while (y + y < tail * tail);
                return hz > 0 ? Ziggurat.R + tail : -Ziggurat.R - tail;
            }

            if (Ziggurat.F[iz] + (NextDouble() * (Ziggurat.F[iz - 1] - Ziggurat.F[iz])) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }

            var u = NextUInt64();
            hz = (int)(u >> 32);
            iz = (int)(u & 127);
            if ((uint)Math.Abs((long)hz) < Ziggurat.K[iz])
            {
                return hz * Ziggurat.W[iz];
            }
        }
    }
}
