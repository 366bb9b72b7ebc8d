using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>Scenario 1: per edge, the student trained alone (baseline) vs by knowledge distillation from the cloud teacher.</summary>
public static class KdScenario
{
    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, Func<Task<CloudSession>> cloud, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloud);
        var p = config.Preset;
        var edges = Enumerable.Range(1, config.NumEdges).ToList();
        var inputs = edges.Select(e => Path.Combine(config.SplitDir, $"edge_{e}_data.npz")).Append(config.TeacherPath);
        var fingerprint = StageCache.Fingerprint(new { p.StudentWidth, p.StudentDepth, p.StudentEpochs, p.StudentBatch, config.Seed }, inputs);
        var outputs = edges.SelectMany(e => new[] { config.EdgeModel(e, "kd"), config.EdgeModel(e, "baseline") }).ToList();
        if (cache.IsDone("scenario1", fingerprint, outputs))
        {
            timer.Skipped("scenario1", "KD and baseline students exist for these settings and data");
            return;
        }

        await timer.RunAsync("scenario1", $"baseline vs KD students on {config.NumEdges} edges ({p.StudentEpochs} epochs each)", async () =>
        {
            var session = await cloud().ConfigureAwait(false);
            foreach (var edge in edges)
            {
                await Tiers.RunAsync(config, $"edge{edge}-baseline", "EdgeClient", ["baseline", .. StudentArgs.For(config, edge, p.StudentEpochs)], cancellationToken).ConfigureAwait(false);
                await Tiers.RunAsync(config, $"edge{edge}-kd", "EdgeClient",
                    ["kd", .. StudentArgs.For(config, edge, p.StudentEpochs), "--cloud-port", $"{session.CloudPort}", "--rate-limit", "0"], cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("scenario1", fingerprint);
    }
}
