using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>Stage "data": synthesise the dataset and split it into test / cloud / Dirichlet edges (DeviceSim generate + split).</summary>
public static class DataStage
{
    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var generated = Path.Combine(config.DataDir, $"{config.Dataset}_generated.npz");
        var outputs = new[] { generated, Path.Combine(config.SplitDir, "cloud_data.npz"), Path.Combine(config.SplitDir, "test_data.npz") }
            .Concat(Enumerable.Range(1, config.NumEdges).Select(e => Path.Combine(config.SplitDir, $"edge_{e}_data.npz"))).ToList();
        var fingerprint = StageCache.Fingerprint(new { config.Dataset, config.Preset.SamplesPerClass, config.Seed, config.NumEdges, config.DirichletAlpha, config.CloudRatio }, []);
        if (cache.IsDone("data", fingerprint, outputs))
        {
            timer.Skipped("data", "split exists for these settings");
            return;
        }

        await timer.RunAsync("data", $"generate {config.Preset.SamplesPerClass} {config.Dataset} samples per class and split over {config.NumEdges} edges (Dirichlet {config.DirichletAlpha})", async () =>
        {
            await Tiers.RunAsync(config, "generate", "DeviceSim",
                ["generate", "--dataset", config.Dataset, "--samples-per-class", $"{config.Preset.SamplesPerClass}", "--seed", $"{config.Seed}", "--out", generated], cancellationToken).ConfigureAwait(false);
            await Tiers.RunAsync(config, "split", "DeviceSim",
            [
                "split", "--dataset-type", config.Dataset, "--data-path", generated, "--num-edges", $"{config.NumEdges}",
                "--dirichlet-alpha", Tiers.F(config.DirichletAlpha), "--cloud-ratio", Tiers.F(config.CloudRatio), "--seed", $"{config.Seed}", "--output-dir", config.DataDir,
            ], cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("data", fingerprint);
    }
}
