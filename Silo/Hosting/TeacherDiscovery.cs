using CloudEdge.Learning.Checkpoints;
using CloudEdge.Signals.Data;

namespace CloudEdge.Silo.Hosting;

/// <summary>Turns the teacher flags (--cloud-model-path, --teachers-dir, --dataset-type, --num-classes) into the Teachers configuration.</summary>
public static class TeacherDiscovery
{
    /// <summary>The default teacher file name under models/cloud/{dataset}/.</summary>
    public const string FileName = "cloud_pretrain_model" + Checkpoint.Extension;

    public static Dictionary<string, string> Find(string? modelPath, string? teachersDir, string? datasetType, int? numClasses)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (teachersDir is not null)
        {
            if (!Directory.Exists(teachersDir))
            {
                throw new DirectoryNotFoundException($"--teachers-dir '{teachersDir}' does not exist");
            }

            foreach (var info in DatasetCatalog.All)
            {
                var path = Path.Combine(teachersDir, info.Id, FileName);
                if (File.Exists(path))
                {
                    found[info.Id] = Path.GetFullPath(path);
                }
            }
        }

        if (modelPath is not null)
        {
            if (!File.Exists(modelPath))
            {
                throw new FileNotFoundException($"--cloud-model-path '{modelPath}' does not exist");
            }

            var meta = Checkpoint.ReadMetadata(modelPath);
            if (datasetType is not null && !string.Equals(meta.Dataset, datasetType, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--cloud-model-path '{modelPath}' is a {meta.Dataset} model but --dataset-type is {datasetType}");
            }

            if (numClasses is { } n && n != meta.Classes.Count)
            {
                throw new ArgumentException($"--num-classes {n} disagrees with the teacher '{modelPath}', which has {meta.Classes.Count} classes");
            }

            found[meta.Dataset] = Path.GetFullPath(modelPath);
        }

        return found;
    }
}
