using System.Globalization;
using System.Text;
using Razorvine.Pickle;

namespace CloudEdge.Signals.IO.Pickle;

/// <summary>
/// The pickle constructors numpy arrays need, for both numpy 1 (<c>numpy.core</c>) and numpy 2
/// (<c>numpy._core</c>) module names. Razorvine's registry is process-wide; registration happens once.
/// </summary>
internal static class NumpyConstructors
{
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>Registers the constructors (idempotent, thread-safe).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            foreach (var core in new[] { "numpy.core", "numpy._core" })
            {
                Unpickler.registerConstructor($"{core}.multiarray", "_reconstruct", new Reconstruct());
                Unpickler.registerConstructor($"{core}.multiarray", "scalar", new Scalar());
                Unpickler.registerConstructor($"{core}.numeric", "_frombuffer", new FromBuffer());
                Unpickler.registerConstructor($"{core}.multiarray", "dtype", new DType());
                Unpickler.registerConstructor($"{core}._multiarray_umath", "dtype", new DType());
            }

            Unpickler.registerConstructor("numpy", "ndarray", new NdArrayType());
            Unpickler.registerConstructor("numpy", "dtype", new DType());
            Unpickler.registerConstructor("_codecs", "encode", new CodecsEncode());
            _registered = true;
        }
    }

    /// <summary>Stands for the <c>numpy.ndarray</c> type object.</summary>
    internal sealed class NdArrayType : IObjectConstructor
    {
        public object construct(object[] args) => this;
    }

    /// <summary><c>_reconstruct(ndarray, (0,), b'b')</c>: an empty array that receives its state by BUILD.</summary>
    private sealed class Reconstruct : IObjectConstructor
    {
        public object construct(object[] args) => new PickledNdArray("numpy array");
    }

    /// <summary><c>_frombuffer(buffer, dtype, shape, order)</c>: numpy's protocol-5 array reduction.</summary>
    private sealed class FromBuffer : IObjectConstructor
    {
        public object construct(object[] args)
        {
            if (args.Length != 4)
            {
                throw new InvalidDataException($"numpy _frombuffer with {args.Length} arguments; expected 4");
            }

            var fortran = args[3] is string order && order == "F";
            var array = new PickledNdArray("numpy array");
            array.__setstate__([1, args[2], args[1], fortran, args[0]]);
            return array;
        }
    }

    /// <summary><c>numpy.dtype(code, align, copy)</c>.</summary>
    private sealed class DType : IObjectConstructor
    {
        public object construct(object[] args) => args.Length > 0 && args[0] is string code
            ? new PickledDType(code)
            : throw new InvalidDataException($"numpy dtype from {(args.Length > 0 ? args[0]?.GetType().Name : "nothing")} is not supported");
    }

    /// <summary><c>scalar(dtype, raw)</c>: a numpy scalar (e.g. an <c>np.int64</c> SNR key) as a .NET number.</summary>
    private sealed class Scalar : IObjectConstructor
    {
        public object construct(object[] args)
        {
            if (args.Length != 2 || args[0] is not PickledDType dtype)
            {
                throw new InvalidDataException("numpy scalar with unexpected arguments");
            }

            var array = PickledNdArray.Decode(Array.Empty<object>(), dtype, false, args[1], "numpy scalar");
            return array.Data.GetValue(0) switch
            {
                float f => (double)f,
                Half h => (double)h,
                double d => d,
                string s => s,
                bool b => b,
                var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary><c>_codecs.encode(text, encoding)</c>: how Python 3 pickles bytes at protocols 0–2.</summary>
    private sealed class CodecsEncode : IObjectConstructor
    {
        public object construct(object[] args)
        {
            if (args.Length == 0 || args[0] is not string text)
            {
                throw new InvalidDataException("_codecs.encode without a string");
            }

            var name = args.Length > 1 ? args[1] as string ?? "utf-8" : "utf-8";
            var encoding = name.ToUpperInvariant().Replace('_', '-') switch
            {
                "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1" or "L1" => Encoding.Latin1,
                "ASCII" => Encoding.ASCII,
                "UTF-8" or "UTF8" => Encoding.UTF8,
                _ => Encoding.GetEncoding(name),
            };
            return encoding.GetBytes(text);
        }
    }
}
