namespace CloudEdge.Signals.Tests.IO;

/// <summary>Where the tests find the repository, the shared fixtures and the committed test data.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudEdge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CloudEdge.sln not found above {AppContext.BaseDirectory}");
    });

    public static string RepoRoot => Root.Value;

    /// <summary><c>../shared/fixtures</c> relative to the repository root.</summary>
    public static string Fixtures => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    /// <summary>The committed numpy-made files (tests/Signals.Tests/TestData).</summary>
    public static string TestData => Path.Combine(RepoRoot, "tests", "Signals.Tests", "TestData");

    /// <summary>A fixture's path; skips the test (with the reason) only where the fixtures folder is absent.</summary>
    public static string Fixture(string name)
    {
        if (!Directory.Exists(Fixtures))
        {
            Assert.Skip($"fixtures folder {Fixtures} is absent (expected ../shared/fixtures next to the repository)");
        }

        var path = Path.Combine(Fixtures, name);
        Assert.True(File.Exists(path), $"fixture {path} is missing although {Fixtures} exists");
        return path;
    }
}
