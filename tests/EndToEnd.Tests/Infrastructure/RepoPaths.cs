using System.Reflection;

namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository and the built executables are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test run (Debug/Release), so the executables of the same build are used.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>Path of a project's built dll, e.g. Executable("Silo").</summary>
    public static string Executable(string project)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build the solution first");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudEdge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CloudEdge.sln not found above " + AppContext.BaseDirectory);
    }
}
