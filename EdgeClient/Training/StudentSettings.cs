using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;

namespace CloudEdge.EdgeClient.Training;

/// <summary>What a student-training command was asked to do, validated.</summary>
internal sealed record StudentSettings(
    int EdgeId,
    DatasetInfo Dataset,
    string Preset,
    string DataDir,
    int? NumClasses,
    double Width,
    IReadOnlyList<int>? Depth,
    long Seed,
    double ValRatio,
    string ModelsDir,
    TrainerOptions Trainer)
{
    /// <summary>The split folder: <c>{DataDir}</c> itself when it holds the edge's file, else <c>{DataDir}/{dataset}</c>.</summary>
    public string SplitFolder =>
        File.Exists(Path.Combine(DataDir, EdgeFile)) || !Directory.Exists(Path.Combine(DataDir, Dataset.Id)) ? DataDir : Path.Combine(DataDir, Dataset.Id);

    public string EdgeFile => $"edge_{EdgeId}_data.npz";

    /// <summary>Where this edge's model of a kind (kd, baseline, federated) goes.</summary>
    public string ModelPath(string kind) => Path.Combine(ModelsDir, "edge", Dataset.Id, $"edge_{EdgeId}_{kind}_model.ckpt");

    /// <summary>Reads the edge's training data and the common test set, checking classes against --num-classes.</summary>
    public (SignalDataset Train, SignalDataset? Test) LoadData()
    {
        var trainPath = Path.Combine(SplitFolder, EdgeFile);
        if (!File.Exists(trainPath))
        {
            throw new FileNotFoundException($"--data-dir: {trainPath} does not exist (run DeviceSim split first)");
        }

        var train = DatasetFiles.Load(trainPath);
        if (NumClasses is { } n && n != train.Classes.Count)
        {
            throw new ArgumentException($"--num-classes is {n} but {trainPath} has {train.Classes.Count} classes ({string.Join(", ", train.Classes)})");
        }

        var testPath = Path.Combine(SplitFolder, "test_data.npz");
        return (train, File.Exists(testPath) ? DatasetFiles.Load(testPath) : null);
    }
}
