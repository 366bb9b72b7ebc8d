using System.Buffers.Binary;
using System.Text;

namespace CloudEdge.Build.NativeFix;

/// <summary>
/// A minimal reader/writer over the bytes of a 64-bit little-endian ELF shared object: just the
/// section headers and the dynamic symbol-versioning tables needed to decide on and apply the fix.
/// </summary>
public sealed class ElfImage
{
    public const uint ShtDynsym = 11;
    public const uint ShtRela = 4;
    public const uint ShtGnuVerdef = 0x6ffffffd;
    public const uint ShtGnuVerneed = 0x6ffffffe;
    public const uint ShtGnuVersym = 0x6fffffff;
    public const ushort VerFlagWeak = 0x2;

    private readonly byte[] _bytes;
    private readonly List<Section> _sections = [];

    public ElfImage(byte[] bytes, string name)
    {
        _bytes = bytes;
        Name = name;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new InvalidDataException($"{name}: not an ELF file");
        }

        if (bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException($"{name}: only 64-bit little-endian ELF is supported");
        }

        var shoff = checked((int)U64(0x28));
        var shentsize = U16(0x3A);
        var shnum = U16(0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shnum * shentsize > bytes.Length)
        {
            throw new InvalidDataException($"{name}: section header table out of range");
        }

        for (var i = 0; i < shnum; i++)
        {
            var h = shoff + (i * shentsize);
            var section = new Section(U32(h + 4), checked((int)U64(h + 0x18)), checked((int)U64(h + 0x20)), (int)U32(h + 0x28), (int)U32(h + 0x2C), checked((int)U64(h + 0x38)));
            if (section.Type != 8 && (section.Offset < 0 || section.Offset + (long)section.Size > bytes.Length))
            {
                throw new InvalidDataException($"{name}: section {i} out of range");
            }

            _sections.Add(section);
        }
    }

    public string Name { get; }

    public byte[] Bytes => _bytes;

    public static ElfImage Load(string path) => new(File.ReadAllBytes(path), path);

    /// <summary>Version names this object defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
    public IReadOnlyList<string> DefinedVersions()
    {
        var result = new List<string>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strtab = _sections[sec.Link];
            var off = sec.Offset;
            for (var n = 0; n < sec.Info; n++)
            {
                var cnt = U16(off + 6);
                var auxOff = off + (int)U32(off + 12);
                for (var a = 0; a < cnt; a++)
                {
                    result.Add(Str(strtab, U32(auxOff)));
                    var auxNext = U32(auxOff + 4);
                    if (auxNext == 0)
                    {
                        break;
                    }

                    auxOff += (int)auxNext;
                }

                var next = U32(off + 16);
                if (next == 0)
                {
                    break;
                }

                off += (int)next;
            }
        }

        return result;
    }

    /// <summary>Version requirements (.gnu.version_r): file, version name, flags, version index and where the flags live.</summary>
    public IReadOnlyList<VersionNeed> RequiredVersions()
    {
        var result = new List<VersionNeed>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strtab = _sections[sec.Link];
            var off = sec.Offset;
            for (var n = 0; n < sec.Info; n++)
            {
                var cnt = U16(off + 2);
                var file = Str(strtab, U32(off + 4));
                var auxOff = off + (int)U32(off + 8);
                for (var a = 0; a < cnt; a++)
                {
                    result.Add(new VersionNeed(file, Str(strtab, U32(auxOff + 8)), U16(auxOff + 4), U16(auxOff + 6), auxOff + 4));
                    var auxNext = U32(auxOff + 12);
                    if (auxNext == 0)
                    {
                        break;
                    }

                    auxOff += (int)auxNext;
                }

                var next = U32(off + 12);
                if (next == 0)
                {
                    break;
                }

                off += (int)next;
            }
        }

        return result;
    }

    /// <summary>Dynamic symbols with their index, name, section index and the offset of their .gnu.version entry.</summary>
    public IReadOnlyList<DynamicSymbol> DynamicSymbols()
    {
        var dynsym = _sections.FirstOrDefault(s => s.Type == ShtDynsym) ?? throw new InvalidDataException($"{Name}: no .dynsym");
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        var strtab = _sections[dynsym.Link];
        var count = dynsym.Size / 24;
        var result = new List<DynamicSymbol>(count);
        for (var i = 0; i < count; i++)
        {
            var o = dynsym.Offset + (i * 24);
            var versymOffset = versym is null ? -1 : versym.Offset + (i * 2);
            var version = versymOffset < 0 ? (ushort)1 : U16(versymOffset);
            result.Add(new DynamicSymbol(i, Str(strtab, U32(o)), U16(o + 6), version, versymOffset));
        }

        return result;
    }

    /// <summary>Indices of dynamic symbols referenced by any RELA relocation.</summary>
    public ISet<int> RelocatedSymbolIndices()
    {
        var dynsymIndex = _sections.FindIndex(s => s.Type == ShtDynsym);
        var set = new HashSet<int>();
        foreach (var sec in _sections.Where(s => s.Type == ShtRela && s.Link == dynsymIndex))
        {
            for (var o = sec.Offset; o + 24 <= sec.Offset + sec.Size; o += 24)
            {
                set.Add((int)(U64(o + 8) >> 32));
            }
        }

        return set;
    }

    public void WriteU16(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(offset), value);

    private ushort U16(int o) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(o));

    private uint U32(int o) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(o));

    private ulong U64(int o) => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(o));

    private string Str(Section strtab, uint index)
    {
        var start = strtab.Offset + (int)index;
        if (index >= strtab.Size)
        {
            throw new InvalidDataException($"{Name}: string index out of range");
        }

        var end = Array.IndexOf(_bytes, (byte)0, start);
        return Encoding.ASCII.GetString(_bytes, start, (end < 0 ? _bytes.Length : end) - start);
    }

    private sealed record Section(uint Type, int Offset, int Size, int Link, int Info, int EntrySize);
}
