using System.Globalization;

namespace CloudEdge.Signals.IO;

/// <summary>
/// A numpy dtype of the kinds this project reads and writes: booleans, signed / unsigned integers,
/// floats (16, 32, 64 bit), unicode (<c>U</c>, UTF-32) and byte strings (<c>S</c>), either byte order.
/// </summary>
internal readonly record struct NpyDType(char Kind, int ItemSize, bool BigEndian)
{
    /// <summary>Characters per element for <c>U</c> / <c>S</c> strings.</summary>
    public int Chars => Kind == 'U' ? ItemSize / 4 : ItemSize;

    public bool IsString => Kind is 'U' or 'S';

    /// <summary>Whether elements must be byte-swapped on this machine.</summary>
    public bool NeedsSwap => ItemSize > 1 && Kind != 'S' && BigEndian == BitConverter.IsLittleEndian;

    /// <summary>The .NET element type of arrays of this dtype.</summary>
    public Type ClrType => (Kind, ItemSize) switch
    {
        ('b', 1) => typeof(bool),
        ('i', 1) => typeof(sbyte),
        ('u', 1) => typeof(byte),
        ('i', 2) => typeof(short),
        ('u', 2) => typeof(ushort),
        ('i', 4) => typeof(int),
        ('u', 4) => typeof(uint),
        ('i', 8) => typeof(long),
        ('u', 8) => typeof(ulong),
        ('f', 2) => typeof(Half),
        ('f', 4) => typeof(float),
        ('f', 8) => typeof(double),
        ('U', _) or ('S', _) => typeof(string),
        _ => throw new InvalidOperationException($"no element type for dtype {Descr}"),
    };

    /// <summary>The descr string as numpy writes it, e.g. <c>&lt;f4</c>, <c>|u1</c>, <c>&lt;U5</c>.</summary>
    public string Descr
    {
        get
        {
            var order = ItemSize == 1 || Kind == 'S' ? '|' : BigEndian ? '>' : '<';
            var size = IsString ? Chars : ItemSize;
            return string.Create(CultureInfo.InvariantCulture, $"{order}{Kind}{size}");
        }
    }

    /// <summary>Parses a descr; throws <see cref="InvalidDataException"/> for dtypes the project does not handle.</summary>
    public static NpyDType Parse(string descr, string source)
    {
        ArgumentNullException.ThrowIfNull(descr);
        var text = descr;
        var big = !BitConverter.IsLittleEndian;
        if (text.Length > 0 && text[0] is '<' or '>' or '|' or '=')
        {
            big = text[0] == '>' || (text[0] is '=' or '|' && !BitConverter.IsLittleEndian);
            text = text[1..];
        }

        if (text.Length < 2 || !int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw Unsupported(descr, source);
        }

        var kind = text[0];
        var itemSize = kind == 'U' ? checked(size * 4) : size;
        var dtype = new NpyDType(kind, itemSize, big);
        var known = (kind, size) switch
        {
            ('b', 1) or ('i', 1 or 2 or 4 or 8) or ('u', 1 or 2 or 4 or 8) or ('f', 2 or 4 or 8) => true,
            ('U', _) or ('S', _) => true,
            _ => false,
        };
        return known ? dtype : throw Unsupported(descr, source);
    }

    /// <summary>The little-endian (host order) dtype for a .NET element type.</summary>
    public static NpyDType For(Type type, int stringChars = 1)
    {
        var big = !BitConverter.IsLittleEndian;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => new('b', 1, false),
            TypeCode.SByte => new('i', 1, false),
            TypeCode.Byte => new('u', 1, false),
            TypeCode.Int16 => new('i', 2, big),
            TypeCode.UInt16 => new('u', 2, big),
            TypeCode.Int32 => new('i', 4, big),
            TypeCode.UInt32 => new('u', 4, big),
            TypeCode.Int64 => new('i', 8, big),
            TypeCode.UInt64 => new('u', 8, big),
            TypeCode.Single => new('f', 4, big),
            TypeCode.Double => new('f', 8, big),
            TypeCode.String => new('U', 4 * Math.Max(1, stringChars), big),
            _ when type == typeof(Half) => new('f', 2, big),
            _ => throw new ArgumentException($"arrays of {type.Name} cannot be stored as .npy", nameof(type)),
        };
    }

    private static InvalidDataException Unsupported(string descr, string source)
    {
        var why = descr.TrimStart('<', '>', '|', '=') switch
        {
            ['O', ..] => "object arrays need pickle, which this reader does not run",
            ['c', ..] => "complex arrays are not supported",
            ['V', ..] => "structured / void arrays are not supported",
            ['M', ..] or ['m', ..] => "datetime arrays are not supported",
            _ => "unknown dtype",
        };
        return new InvalidDataException($"{source}: dtype '{descr}' is not supported ({why})");
    }
}
