using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>The student options every edge command of a run shares.</summary>
public static class StudentArgs
{
    public static List<string> For(ExperimentConfig config, int edge, int epochs, string? modelsDir = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var p = config.Preset;
        var args = new List<string>
        {
            "--edge-id", $"{edge}", "--dataset-type", config.Dataset, "--data-dir", config.DataDir, "--models-dir", modelsDir ?? config.ModelsDir,
            "--epochs", $"{epochs}", "--batch-size", $"{p.StudentBatch}", "--width", Tiers.F(p.StudentWidth), "--seed", $"{config.Seed}",
        };
        if (p.StudentDepth is not null)
        {
            args.AddRange(["--depth", p.StudentDepth]);
        }

        return args;
    }
}
