using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CloudEdge.Experiments.Runner;

/// <summary>
/// Remembers which stages are done: a stamp per stage records a fingerprint of the stage's inputs (its settings and
/// the size and time of its input files). A stage is skipped when its stamp matches and all its outputs exist, so an
/// interrupted run resumes where it stopped; <c>--force</c> redoes everything.
/// </summary>
public sealed class StageCache(string outDir, bool force)
{
    private readonly string _folder = Path.Combine(outDir, ".stages");

    public static string Fingerprint(object settings, IEnumerable<string> inputFiles)
    {
        var text = new StringBuilder(JsonSerializer.Serialize(settings));
        foreach (var file in inputFiles.Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append('|').Append(file).Append(':').Append(info.Exists ? $"{info.Length}@{info.LastWriteTimeUtc.Ticks}" : "missing");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public bool IsDone(string stage, string fingerprint, IEnumerable<string> outputs)
    {
        var stamp = Path.Combine(_folder, stage + ".stamp");
        return !force && File.Exists(stamp) && File.ReadAllText(stamp).Trim() == fingerprint && outputs.All(File.Exists);
    }

    public void MarkDone(string stage, string fingerprint)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, stage + ".stamp"), fingerprint);
    }
}
