using CloudEdge.Build.NativeFix;

// Usage: NativeFix [--libstdcxx PATH] LIBRARY...
// Prints one line per library; exits 1 with an MSBuild-style error line on failure.
var files = new List<string>();
string? libstdcxx = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--libstdcxx" && i + 1 < args.Length)
    {
        libstdcxx = args[++i];
    }
    else
    {
        files.Add(args[i]);
    }
}

try
{
    if (!OperatingSystem.IsLinux())
    {
        Console.WriteLine("NativeFix: not Linux, nothing to do");
        return 0;
    }

    libstdcxx ??= SystemLibstdcxx.Locate();
    var systemHas = GlibcxxFix.Provides(ElfImage.Load(libstdcxx));
    foreach (var file in files.Where(File.Exists))
    {
        var image = ElfImage.Load(file);
        var (action, reason) = GlibcxxFix.Decide(true, systemHas, GlibcxxFix.Analyze(image));
        if (action == PatchAction.Skip)
        {
            Console.WriteLine($"NativeFix: {file}: skipped ({reason})");
            continue;
        }

        GlibcxxFix.Apply(image);
        var stamp = File.GetLastWriteTimeUtc(file);
        var mode = File.GetUnixFileMode(file);
        var temp = file + ".nativefix.tmp";
        File.WriteAllBytes(temp, image.Bytes);
        File.SetUnixFileMode(temp, mode);

        // Keep the original time stamp so MSBuild's incremental copy does not put the unpatched file back;
        // the new file replaces a hard link to the NuGet cache rather than writing through it.
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Move(temp, file, overwrite: true);
        Console.WriteLine($"NativeFix: {file}: patched ({reason}; {libstdcxx})");
    }

    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
{
    Console.Error.WriteLine($"error NATIVEFIX001: TorchSharp native fix failed: {e.Message}");
    return 1;
}
