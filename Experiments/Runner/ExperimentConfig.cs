using System.Text.Json.Serialization;

namespace CloudEdge.Experiments.Runner;

/// <summary>Everything a run depends on; stages compare the parts they use to decide whether to redo their work.</summary>
public sealed record ExperimentConfig(
    string Dataset,
    Preset Preset,
    string OutDir,
    long Seed,
    int NumEdges,
    double DirichletAlpha,
    double CloudRatio,
    double[] Thresholds,
    double TargetCloudRate,
    IReadOnlyList<string> Strategies,
    bool Force)
{
    [JsonIgnore]
    public string DataDir => Path.Combine(OutDir, "data");

    [JsonIgnore]
    public string SplitDir => Path.Combine(DataDir, Dataset);

    [JsonIgnore]
    public string ModelsDir => Path.Combine(OutDir, "models");

    [JsonIgnore]
    public string TeacherPath => Path.Combine(ModelsDir, "cloud", Dataset, "cloud_pretrain_model.ckpt");

    [JsonIgnore]
    public string ResultsDir => Path.Combine(OutDir, "results");

    [JsonIgnore]
    public string LogsDir => Path.Combine(OutDir, "logs");

    public string EdgeModel(int edge, string kind) => Path.Combine(ModelsDir, "edge", Dataset, $"edge_{edge}_{kind}_model.ckpt");
}
