using CloudEdge.Build.NativeFix;

namespace CloudEdge.Build.Tests;

public sealed class GlibcxxFixTests
{
    private static string TorchSharpNative
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        }
    }

    [Fact]
    public void Decide_SystemLacksVersion_Patches()
    {
        Assert.Equal(PatchAction.Patch, GlibcxxFix.Decide(isLinux: true, systemHasVersion: false, LibraryState.Required).Action);
    }

    [Fact]
    public void Decide_SystemHasVersion_SkipsAsNoOp()
    {
        var (action, reason) = GlibcxxFix.Decide(isLinux: true, systemHasVersion: true, LibraryState.Required);
        Assert.Equal(PatchAction.Skip, action);
        Assert.Contains("provides", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, LibraryState.Required)]
    [InlineData(true, false, LibraryState.AlreadyPatched)]
    [InlineData(true, false, LibraryState.NotRequired)]
    public void Decide_NotLinuxOrNothingToDo_Skips(bool linux, bool systemHas, LibraryState state)
    {
        Assert.Equal(PatchAction.Skip, GlibcxxFix.Decide(linux, systemHas, state).Action);
    }

    [Fact]
    public void Analyze_TorchSharpFromNuGet_RequiresVersionOnlyThroughPinSymbol()
    {
        var image = ElfImage.Load(TorchSharpNative);
        Assert.Equal(LibraryState.Required, GlibcxxFix.Analyze(image));
        var need = image.RequiredVersions().Single(v => v.Version == GlibcxxFix.MissingVersion);
        var bound = image.DynamicSymbols().Where(s => (s.Version & 0x7fff) == need.Index).Select(s => s.Name).ToList();
        Assert.Equal([GlibcxxFix.PinSymbol], bound);
    }

    [Fact]
    public void Apply_TorchSharpCopy_ChangesFourBytesAndIsThenAlreadyPatched()
    {
        var original = File.ReadAllBytes(TorchSharpNative);
        var image = new ElfImage((byte[])original.Clone(), "copy");

        GlibcxxFix.Apply(image);

        Assert.Equal(original.Length, image.Bytes.Length);
        var changed = Enumerable.Range(0, original.Length).Count(i => original[i] != image.Bytes[i]);
        Assert.InRange(changed, 2, 4);
        var reread = new ElfImage(image.Bytes, "copy");
        Assert.Equal(LibraryState.AlreadyPatched, GlibcxxFix.Analyze(reread));
        Assert.True((reread.RequiredVersions().Single(v => v.Version == GlibcxxFix.MissingVersion).Flags & ElfImage.VerFlagWeak) != 0);
        Assert.Equal(1, reread.DynamicSymbols().Single(s => s.Name == GlibcxxFix.PinSymbol).Version);
    }

    [Fact]
    public void DefinedVersions_SystemLibstdcxx_ListsGlibcxxVersions()
    {
        var libstdcxx = ElfImage.Load(SystemLibstdcxx.Locate());
        var versions = libstdcxx.DefinedVersions();
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("GLIBCXX_3.4.30", versions);
        Assert.Equal(versions.Contains(GlibcxxFix.MissingVersion), GlibcxxFix.Provides(libstdcxx));
    }

    [Fact]
    public void ElfImage_NotElf_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => new ElfImage(new byte[100], "junk.so"));
        Assert.Contains("junk.so", error.Message, StringComparison.Ordinal);
    }
}
