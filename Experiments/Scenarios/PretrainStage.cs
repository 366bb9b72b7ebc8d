using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>Stage "pretrain": train the cloud teacher on the cloud share (Silo pretrain).</summary>
public static class PretrainStage
{
    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var p = config.Preset;
        var inputs = new[] { Path.Combine(config.SplitDir, "cloud_data.npz"), Path.Combine(config.SplitDir, "test_data.npz") };
        var fingerprint = StageCache.Fingerprint(new { p.TeacherWidth, p.TeacherDepth, p.TeacherEpochs, config.Seed }, inputs);
        var outputs = new[] { config.TeacherPath, Path.ChangeExtension(config.TeacherPath, ".metrics.json") };
        if (cache.IsDone("pretrain", fingerprint, outputs))
        {
            timer.Skipped("pretrain", "teacher exists for these settings and data");
            return;
        }

        await timer.RunAsync("pretrain", $"teacher complex_resnet50_{config.Dataset} (width {p.TeacherWidth}, depth {p.TeacherDepth ?? "3,4,6,3"}), {p.TeacherEpochs} epochs", async () =>
        {
            var args = new List<string>
            {
                "pretrain", "--dataset-type", config.Dataset, "--data-path", config.SplitDir, "--epochs", $"{p.TeacherEpochs}",
                "--width", Tiers.F(p.TeacherWidth), "--batch-size", "64", "--seed", $"{config.Seed}", "--out", config.TeacherPath,
            };
            if (p.TeacherDepth is not null)
            {
                args.AddRange(["--depth", p.TeacherDepth]);
            }

            await Tiers.RunAsync(config, "pretrain", "Silo", args, cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("pretrain", fingerprint);
    }
}
