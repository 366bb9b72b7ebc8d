using System.Text;

namespace CloudEdge.Signals.Tests.IO;

/// <summary>
/// Hand-writes protocol-2 pickles of a RadioML-layout dict the way Python 2 cPickle does (BINSTRING data),
/// so tests can make malformed variants (wrong shape, dtype, length, values) without python.
/// </summary>
internal sealed class PickleBuilder
{
    private readonly List<byte> _bytes = [0x80, 2, (byte)'}', (byte)'('];

    /// <summary>Adds key (mod, snr) → numpy array of the given shape, dtype code (e.g. f4) and raw bytes.</summary>
    public PickleBuilder Add(string mod, int snr, long[] shape, string dtype, byte[] raw)
    {
        ShortString(mod);
        Int(snr);
        _bytes.Add(0x86); // TUPLE2
        Global("numpy.core.multiarray", "_reconstruct");
        Global("numpy", "ndarray");
        Int(0);
        _bytes.Add(0x85); // TUPLE1
        ShortString("b");
        _bytes.Add(0x87); // TUPLE3
        _bytes.Add((byte)'R');
        _bytes.Add((byte)'(');
        Int(1);
        _bytes.Add((byte)'(');
        foreach (var d in shape)
        {
            Int((int)d);
        }

        _bytes.Add((byte)'t');
        Global("numpy", "dtype");
        ShortString(dtype);
        Int(0);
        Int(1);
        _bytes.Add(0x87);
        _bytes.Add((byte)'R');
        _bytes.Add((byte)'(');
        Int(3);
        ShortString("<");
        _bytes.AddRange("NNN"u8.ToArray());
        Int(-1);
        Int(-1);
        Int(0);
        _bytes.Add((byte)'t');
        _bytes.Add((byte)'b'); // BUILD dtype
        _bytes.Add(0x89); // NEWFALSE
        _bytes.Add((byte)'T'); // BINSTRING
        _bytes.AddRange(BitConverter.GetBytes(raw.Length));
        _bytes.AddRange(raw);
        _bytes.Add((byte)'t');
        _bytes.Add((byte)'b'); // BUILD array
        return this;
    }

    /// <summary>A float32 array [n, 2, length] of the given values.</summary>
    public PickleBuilder AddFloats(string mod, int snr, int n, int length, Func<int, float> value) =>
        Add(mod, snr, [n, 2, length], "f4", Enumerable.Range(0, n * 2 * length).SelectMany(i => BitConverter.GetBytes(value(i))).ToArray());

    public byte[] Build() => [.. _bytes, (byte)'u', (byte)'.'];

    private void Global(string module, string name) => _bytes.AddRange(Encoding.ASCII.GetBytes($"c{module}\n{name}\n"));

    private void ShortString(string s)
    {
        _bytes.Add((byte)'U');
        _bytes.Add((byte)s.Length);
        _bytes.AddRange(Encoding.Latin1.GetBytes(s));
    }

    private void Int(int v)
    {
        _bytes.Add((byte)'J');
        _bytes.AddRange(BitConverter.GetBytes(v));
    }
}
