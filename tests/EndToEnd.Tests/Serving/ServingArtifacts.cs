using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;

namespace CloudEdge.EndToEnd.Tests.Serving;

/// <summary>The tiny student the serving tests give their edges, and reading the JSON the tiers write.</summary>
internal static class ServingArtifacts
{
    private static readonly Lock Gate = new();

    /// <summary>A randomly initialised tiny rml2016 student in the collection's work folder (written once).</summary>
    public static string Student(SiloFixture cloud)
    {
        var path = Path.Combine(cloud.WorkDir, "serving", "student.ckpt");
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                TestArtifacts.WriteCheckpoint(path, TestArtifacts.TinyStudent, "real_resnet20_rml2016", seed: 5);
            }
        }

        return path;
    }

    /// <summary>A fresh path for a results file in the collection's work folder.</summary>
    public static string ResultsPath(SiloFixture cloud, string name)
    {
        var folder = Path.Combine(cloud.WorkDir, "serving");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.json");
    }

    public static async Task<JsonElement> ReadJsonAsync(string path)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        return doc.RootElement.Clone();
    }
}
