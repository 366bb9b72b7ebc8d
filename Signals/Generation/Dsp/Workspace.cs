using System.Numerics;

namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>
/// Per-thread scratch buffers for the synthesis loops: grown on demand, never shrunk, so generating a
/// sample allocates nothing once a thread has warmed up. A buffer handed out is valid until the same slot
/// is asked for again on the same thread.
/// </summary>
internal sealed class Workspace
{
    private const int Slots = 6;

    [ThreadStatic]
    private static Workspace? t_current;

    private readonly Complex[][] _complex = new Complex[Slots][];
    private readonly double[][] _real = new double[Slots][];
    private readonly int[][] _int = new int[Slots][];

    private Workspace()
    {
        for (var i = 0; i < Slots; i++)
        {
            _complex[i] = [];
            _real[i] = [];
            _int[i] = [];
        }
    }

    /// <summary>The calling thread's workspace.</summary>
    public static Workspace Current => t_current ??= new Workspace();

    /// <summary>A complex buffer of <paramref name="length"/> elements, cleared.</summary>
    public Span<Complex> Complex(int slot, int length)
    {
        var span = Grow(_complex, slot, length);
        span.Clear();
        return span;
    }

    /// <summary>A real buffer of <paramref name="length"/> elements (not cleared).</summary>
    public Span<double> Real(int slot, int length) => Grow(_real, slot, length);

    /// <summary>An integer buffer of <paramref name="length"/> elements (not cleared).</summary>
    public Span<int> Int(int slot, int length) => Grow(_int, slot, length);

    private static Span<T> Grow<T>(T[][] buffers, int slot, int length)
    {
        if (buffers[slot].Length < length)
        {
            buffers[slot] = new T[Math.Max(length, buffers[slot].Length * 2)];
        }

        return buffers[slot].AsSpan(0, length);
    }
}
