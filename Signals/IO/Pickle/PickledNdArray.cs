using System.Collections;
using System.Globalization;
using System.Text;

namespace CloudEdge.Signals.IO.Pickle;

/// <summary>
/// A numpy array rebuilt from a pickle, either by <c>_reconstruct(ndarray, (0,), b'b')</c> followed by
/// <c>__setstate__((version, shape, dtype, is_fortran, raw))</c> (protocols 0–4, and 5 without buffers), or
/// by <c>_frombuffer(buffer, dtype, shape, order)</c> (numpy's protocol-5 path). Raw data arrives as
/// <c>byte[]</c> or, from Python 2 pickles, as a latin-1 string.
/// </summary>
internal sealed class PickledNdArray
{
    private readonly string _source;

    public PickledNdArray(string source)
    {
        _source = source;
    }

    /// <summary>The decoded array, once the state arrived.</summary>
    public NpyArray? Array { get; private set; }

    /// <summary>Receives the pickled state tuple.</summary>
    public void __setstate__(object[] state)
    {
        ArgumentNullException.ThrowIfNull(state);

        // (version, shape, dtype, is_fortran, raw); numpy before 1.0 omitted the version.
        var offset = state.Length switch
        {
            5 => 1,
            4 => 0,
            _ => throw new InvalidDataException($"{_source}: numpy array state has {state.Length} items; expected 4 or 5"),
        };
        Array = Decode(state[offset], state[offset + 1], IsTrue(state[offset + 2]), state[offset + 3], _source);
    }

    /// <summary>Decodes raw bytes of the given shape and dtype into an <see cref="NpyArray"/> (C order).</summary>
    public static NpyArray Decode(object? shape, object? dtype, bool fortran, object? raw, string source)
    {
        var dims = ToShape(shape, source);
        if (dtype is not PickledDType pickled)
        {
            throw new InvalidDataException($"{source}: numpy array without a dtype ({dtype?.GetType().Name ?? "None"})");
        }

        var bytes = raw switch
        {
            byte[] b => b,
            string s => Latin1(s, source),
            IList list => throw new InvalidDataException($"{source}: numpy array holds Python objects ({list.Count} items); only numeric arrays are supported"),
            _ => throw new InvalidDataException($"{source}: numpy array data of type {raw?.GetType().Name ?? "None"} is not supported"),
        };
        var npy = pickled.ToNpy(source);
        var count = dims.Aggregate(1L, (a, d) => checked(a * d));
        if (count * npy.ItemSize != bytes.LongLength)
        {
            throw new InvalidDataException($"{source}: numpy array of shape {NpyArray.FormatShape(dims)} and dtype {npy.Descr} needs {count * npy.ItemSize} bytes but holds {bytes.LongLength}");
        }

        return NpyArray.FromRaw(bytes, npy, dims, fortran, source);
    }

    public static long[] ToShape(object? shape, string source) => shape switch
    {
        object[] tuple => tuple.Select(d => d switch
        {
            int i when i >= 0 => (long)i,
            long l when l >= 0 => l,
            _ => throw new InvalidDataException($"{source}: bad numpy array shape entry {d}"),
        }).ToArray(),
        int i when i >= 0 => [i],
        long l when l >= 0 => [l],
        _ => throw new InvalidDataException($"{source}: bad numpy array shape ({shape?.GetType().Name ?? "None"})"),
    };

    public static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        int i => i != 0,
        long l => l != 0,
        null => false,
        _ => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
    };

    private static byte[] Latin1(string s, string source)
    {
        foreach (var c in s)
        {
            if (c > '\u00FF')
            {
                throw new InvalidDataException($"{source}: numpy array data string holds a character above U+00FF (not latin-1 bytes)");
            }
        }

        return Encoding.Latin1.GetBytes(s);
    }
}
