namespace CloudEdge.Build.NativeFix;

/// <summary>One .dynsym entry with its .gnu.version index (0 = local, 1 = global/unversioned).</summary>
public sealed record DynamicSymbol(int Index, string Name, ushort SectionIndex, ushort Version, int VersymOffset)
{
    public bool IsUndefined => SectionIndex == 0;
}
