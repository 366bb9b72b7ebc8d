namespace CloudEdge.Signals.Tests.IO;

/// <summary>The values make_testdata.py writes, recomputed bit for bit (see value_bits there).</summary>
internal static class TestDataValues
{
    /// <summary>RadioML names in the order the script iterates them.</summary>
    public static readonly string[] Mods = ["BPSK", "QAM16", "GMSK"];

    public static readonly int[] Snrs = [-4, 10];

    public const int Vectors = 2;
    public const int Length = 8;

    public static float Value(int array, int element)
    {
        var h = (uint)((((ulong)element * 2654435761UL) + ((ulong)array * 40503UL) + 12345UL) % (1UL << 32));
        return BitConverter.UInt32BitsToSingle((h & 0x807FFFFFu) | 0x3C000000u);
    }

    public static float[] Array(int array, int count) => Enumerable.Range(0, count).Select(k => Value(array, k)).ToArray();

    /// <summary>The float32 values of key (mod m, SNR s) of the RadioML-layout pickles, [2, 2, 8] flat.</summary>
    public static float[] PickleArray(int mod, int snr) => Array((mod * Snrs.Length) + snr, Vectors * 2 * Length);

    /// <summary>X of the NPZ files, [6, 2, 16] flat.</summary>
    public static float[] NpzX() => Array(100, 6 * 2 * 16);

    public static readonly long[] NpzY = [0, 1, 2, 0, 1, 2];
    public static readonly int[] NpzSnr = [-20, -2, 0, 4, 10, 18];
    public static readonly string[] NpzClasses = ["16QAM", "64QAM", "8PSK"];
}
