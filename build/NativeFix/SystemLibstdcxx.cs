using System.Diagnostics;

namespace CloudEdge.Build.NativeFix;

/// <summary>Finds the libstdc++.so.6 the dynamic loader would use.</summary>
public static class SystemLibstdcxx
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    public static string Locate()
    {
        var fromCache = FromLdconfig();
        if (fromCache is not null)
        {
            return fromCache;
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"cannot find the system libstdc++.so.6 (ldconfig -p had none; looked in {string.Join(", ", Candidates)}); install the libstdc++6 package");
    }

    private static string? FromLdconfig()
    {
        foreach (var ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.Where(File.Exists))
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false })!;
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && l.Contains("x86-64", StringComparison.Ordinal))
                    ?? output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal));
                var path = line?.Split("=>").LastOrDefault()?.Trim();
                if (path is not null && File.Exists(path))
                {
                    return path;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // fall back to the well-known paths
            }
        }

        return null;
    }
}
