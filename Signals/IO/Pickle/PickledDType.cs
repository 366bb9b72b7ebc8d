using System.Globalization;

namespace CloudEdge.Signals.IO.Pickle;

/// <summary>
/// A <c>numpy.dtype</c> rebuilt from a pickle: <c>numpy.dtype(str, align, copy)</c>, then
/// <c>__setstate__((version, endian, subdescr, names, fields, elsize, alignment, flags[, metadata]))</c>.
/// </summary>
internal sealed class PickledDType
{
    public PickledDType(string code)
    {
        Code = code;
    }

    /// <summary>The type code it was made from, e.g. <c>f4</c>, <c>i8</c>, <c>U5</c>.</summary>
    public string Code { get; }

    /// <summary>The byte order character from the state (<c>&lt;</c>, <c>&gt;</c>, <c>|</c>, <c>=</c>).</summary>
    public char Endian { get; private set; } = '=';

    /// <summary>The element size from the state (used for strings), or -1 when absent.</summary>
    public int ElementSize { get; private set; } = -1;

    /// <summary>Whether the state describes fields (a structured dtype, not supported).</summary>
    public bool HasFields { get; private set; }

    /// <summary>Receives the pickled state tuple.</summary>
    public void __setstate__(object[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length >= 2 && state[1] is string endian && endian.Length == 1)
        {
            Endian = endian[0];
        }

        if (state.Length >= 5 && (state[3] is not null || state[4] is not null))
        {
            HasFields = true;
        }

        if (state.Length >= 6 && state[5] is int or long)
        {
            ElementSize = Convert.ToInt32(state[5], CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The dtype as a numpy descr string (e.g. <c>&lt;f4</c>), for <see cref="NpyDType.Parse"/>.</summary>
    public string ToDescr(string source)
    {
        if (HasFields)
        {
            throw new InvalidDataException($"{source}: structured numpy dtypes are not supported");
        }

        var code = Code.TrimStart('<', '>', '|', '=');
        var order = Code.Length > 0 && Code[0] is '<' or '>' ? Code[0] : Endian;
        if (code.Length > 0 && code[0] is 'U' or 'S' && ElementSize >= 0)
        {
            var chars = code[0] == 'U' ? ElementSize / 4 : ElementSize;
            code = string.Create(CultureInfo.InvariantCulture, $"{code[0]}{chars}");
        }

        return order + code;
    }

    /// <summary>Parses the descr this dtype stands for.</summary>
    public NpyDType ToNpy(string source) => NpyDType.Parse(ToDescr(source), source);
}
