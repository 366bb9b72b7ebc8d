namespace CloudEdge.Build.NativeFix;

/// <summary>
/// The fix for TorchSharp 0.107's libLibTorchSharp.so on systems whose libstdc++ predates
/// GLIBCXX_3.4.32 (GCC 13). GCC 13's &lt;iostream&gt; emits an undefined reference to
/// <c>std::ios_base_library_init()</c> only to pin that version; nothing calls it and no relocation
/// refers to it. Marking the version requirement weak (VER_FLG_WEAK) lets the loader accept its
/// absence, and unversioning the symbol removes its last tie to the version. Because no relocation
/// refers to the symbol it is never looked up, so no stand-in library is needed (the patcher
/// verifies this and refuses otherwise).
/// </summary>
public static class GlibcxxFix
{
    public const string MissingVersion = "GLIBCXX_3.4.32";
    public const string PinSymbol = "_ZSt21ios_base_library_initv";

    /// <summary>The pure decision: patch only on Linux, only where the system lacks the version and the library needs it.</summary>
    public static (PatchAction Action, string Reason) Decide(bool isLinux, bool systemHasVersion, LibraryState state) => (isLinux, systemHasVersion, state) switch
    {
        (false, _, _) => (PatchAction.Skip, "not Linux"),
        (_, _, LibraryState.NotRequired) => (PatchAction.Skip, $"library does not require {MissingVersion}"),
        (_, _, LibraryState.AlreadyPatched) => (PatchAction.Skip, "already patched"),
        (_, true, LibraryState.Required) => (PatchAction.Skip, $"system libstdc++ provides {MissingVersion}"),
        _ => (PatchAction.Patch, $"system libstdc++ lacks {MissingVersion}"),
    };

    /// <summary>Reads what the library needs of the version, and checks that the fix is safe for it.</summary>
    public static LibraryState Analyze(ElfImage library)
    {
        var need = FindNeed(library);
        if (need is null)
        {
            return LibraryState.NotRequired;
        }

        var bound = library.DynamicSymbols().Where(s => (s.Version & 0x7fff) == need.Index).ToList();
        var foreign = bound.Where(s => s.Name != PinSymbol || !s.IsUndefined).Select(s => s.Name).ToList();
        if (foreign.Count > 0)
        {
            throw new InvalidDataException($"{library.Name}: symbols other than {PinSymbol} need {MissingVersion} ({string.Join(", ", foreign.Take(5))}); this libstdc++ is too old for this TorchSharp build and the fix cannot help");
        }

        var relocated = library.RelocatedSymbolIndices();
        if (bound.Any(s => relocated.Contains(s.Index)))
        {
            throw new InvalidDataException($"{library.Name}: {PinSymbol} is referenced by a relocation; the fix would need a stand-in library");
        }

        return (need.Flags & ElfImage.VerFlagWeak) != 0 && bound.Count == 0 ? LibraryState.AlreadyPatched : LibraryState.Required;
    }

    /// <summary>Applies the fix to the image in memory (the file is written by the caller).</summary>
    public static void Apply(ElfImage library)
    {
        var need = FindNeed(library) ?? throw new InvalidOperationException($"{library.Name}: does not require {MissingVersion}");
        library.WriteU16(need.FlagsOffset, (ushort)(need.Flags | ElfImage.VerFlagWeak));
        foreach (var symbol in library.DynamicSymbols().Where(s => (s.Version & 0x7fff) == need.Index && s.VersymOffset >= 0))
        {
            library.WriteU16(symbol.VersymOffset, 1);
        }
    }

    /// <summary>Whether a libstdc++ image defines the version.</summary>
    public static bool Provides(ElfImage libstdcxx) => libstdcxx.DefinedVersions().Contains(MissingVersion);

    private static VersionNeed? FindNeed(ElfImage library) =>
        library.RequiredVersions().FirstOrDefault(v => v.Version == MissingVersion && v.File.StartsWith("libstdc++", StringComparison.Ordinal));
}
