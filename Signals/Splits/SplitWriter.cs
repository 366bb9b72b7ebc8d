using System.Globalization;
using System.Text.RegularExpressions;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;

namespace CloudEdge.Signals.Splits;

/// <summary>
/// Writes a split as <c>{out}/{dataset}/cloud_data.npz</c>, <c>edge_{i}_data.npz</c> (1-based),
/// <c>test_data.npz</c> and <c>split_manifest.json</c>. Everything is written into a temporary folder first and
/// moved into place only when complete (the manifest last); edge files of an earlier split with more edges
/// are removed, so the folder never mixes two splits.
/// </summary>
public static partial class SplitWriter
{
    /// <summary>Writes the split and returns its manifest.</summary>
    public static SplitManifest Write(SignalDataset dataset, DatasetSplit split, SplitOptions options, string outputDir, string datasetName, SplitSource source)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputDir);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(datasetName) || datasetName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || datasetName.StartsWith('.'))
        {
            throw new ArgumentException($"dataset name '{datasetName}' cannot be a folder name", nameof(datasetName));
        }

        var root = Path.GetFullPath(outputDir);
        Directory.CreateDirectory(root);
        var target = Path.Combine(root, datasetName);
        var temp = Path.Combine(root, $".{datasetName}.split-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            var parts = new List<(string Name, IReadOnlyList<int> Indices)> { ("cloud", split.Cloud) };
            parts.AddRange(split.Edges.Select((e, i) => ($"edge_{(i + 1).ToString(CultureInfo.InvariantCulture)}", e)));
            parts.Add(("test", split.Test));
            var written = new List<SplitPart>();
            foreach (var (name, indices) in parts)
            {
                var file = $"{name}_data.npz";
                var subset = dataset.Subset(indices);
                var named = new SignalDataset(subset.X, subset.Y, subset.Snr, subset.Classes, subset.Length, datasetName);
                NpzDataset.Save(named, Path.Combine(temp, file));
                var counts = SplitStatistics.ClassCounts(dataset, indices);
                written.Add(new SplitPart(name, file, indices.Count, counts, SplitStatistics.Entropy(counts)));
            }

            var manifest = new SplitManifest
            {
                Dataset = datasetName,
                Source = source,
                Seed = options.Seed,
                DirichletAlpha = options.DirichletAlpha,
                CloudRatio = options.CloudRatio,
                TestRatio = options.TestRatio,
                NumEdges = options.NumEdges,
                MinEdgeSamples = split.MinEdgeSamples,
                DirichletDraws = split.Draws,
                Rebalanced = split.Rebalanced,
                SampleLength = dataset.Length,
                Classes = dataset.Classes,
                Parts = written,
                MeanEdgeLabelEntropyBits = SplitStatistics.MeanEdgeLabelEntropy(dataset, split),
                CreatedUtc = DateTime.UtcNow,
            };
            File.WriteAllText(Path.Combine(temp, SplitManifest.FileName), manifest.ToJson());
            Publish(temp, target, written.Select(p => p.File).Append(SplitManifest.FileName).ToList(), split.Edges.Count);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static void Publish(string temp, string target, List<string> files, int edges)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }

        // The folder exists (an earlier split, perhaps other files): take the old manifest away first, so a
        // folder with a manifest always holds one complete split; replace the data files; manifest last.
        File.Delete(Path.Combine(target, SplitManifest.FileName));
        foreach (var stale in Directory.EnumerateFiles(target, "edge_*_data.npz"))
        {
            var match = EdgeFile().Match(Path.GetFileName(stale));
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > edges)
            {
                File.Delete(stale);
            }
        }

        foreach (var file in files)
        {
            File.Move(Path.Combine(temp, file), Path.Combine(target, file), overwrite: true);
        }
    }

    [GeneratedRegex("^edge_([0-9]+)_data\\.npz$")]
    private static partial Regex EdgeFile();
}
