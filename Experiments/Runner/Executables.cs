using System.Reflection;

namespace CloudEdge.Experiments.Runner;

/// <summary>Finds the built Silo, EdgeClient and DeviceSim next to this program or in the repository's build output.</summary>
public static class Executables
{
    public static string Configuration { get; } =
        typeof(Executables).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The dll of <paramref name="project"/> (run with <c>dotnet</c>).</summary>
    public static string Find(string project)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, project + ".dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, project + ".runtimeconfig.json")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudEdge.sln")))
            {
                var built = Path.Combine(dir.FullName, project, "bin", Configuration, "net10.0", project + ".dll");
                return File.Exists(built) ? built : throw new FileNotFoundException($"{project} is not built at {built}; build the solution (dotnet build CloudEdge.sln -c {Configuration})");
            }
        }

        throw new FileNotFoundException($"{project}.dll not found beside {AppContext.BaseDirectory} nor in a CloudEdge checkout above it");
    }
}
