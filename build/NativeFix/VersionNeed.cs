namespace CloudEdge.Build.NativeFix;

/// <summary>One vernaux entry of .gnu.version_r.</summary>
/// <param name="File">The library the version is needed from (e.g. libstdc++.so.6).</param>
/// <param name="Version">The version name (e.g. GLIBCXX_3.4.32).</param>
/// <param name="Flags">vna_flags; bit 0x2 = VER_FLG_WEAK.</param>
/// <param name="Index">vna_other: the index used in .gnu.version.</param>
/// <param name="FlagsOffset">File offset of vna_flags.</param>
public sealed record VersionNeed(string File, string Version, ushort Flags, ushort Index, int FlagsOffset);
