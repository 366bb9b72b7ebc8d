using CloudEdge.Cli;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>
/// Scenario 3: a device streams to edge 1 (its KD student); the edge answers confident samples and sends the rest to the
/// cloud teacher; one pass gives the whole threshold sweep (plus the adaptive threshold). Writes results/scenario3.json.
/// </summary>
public static class ThresholdScenario
{
    public const double CompareThreshold = 0.7;

    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, Func<Task<CloudSession>> cloud, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloud);
        var output = Path.Combine(config.ResultsDir, "scenario3.json");
        var thresholds = config.Thresholds.Contains(CompareThreshold) ? config.Thresholds : [.. config.Thresholds, CompareThreshold];
        var student = config.EdgeModel(1, "kd");
        var fingerprint = StageCache.Fingerprint(new { thresholds, config.TargetCloudRate, config.Preset.StreamSamples, config.Preset.StreamRate, config.Seed }, [student, config.TeacherPath]);
        if (cache.IsDone("scenario3", fingerprint, [output]))
        {
            timer.Skipped("scenario3", "threshold sweep exists for these settings and models");
            return;
        }

        await timer.RunAsync("scenario3", $"threshold sweep {string.Join(" ", thresholds.Select(Tiers.F))} + adaptive (target cloud rate {Tiers.F(config.TargetCloudRate)}) on {config.Preset.StreamSamples} streamed samples", async () =>
        {
            var session = await cloud().ConfigureAwait(false);
            Directory.CreateDirectory(config.ResultsDir);
            var devicePort = FreePorts.Take(1)[0];
            await using var edge = ChildProcess.Start("edge1-serve", "EdgeClient",
            [
                "serve", "--edge-id", "1", "--dataset-type", config.Dataset, "--edge-model-path", student, "--data-source", "device",
                "--device-port", $"{devicePort}", "--device-bind", "127.0.0.1", "--cloud-port", $"{session.CloudPort}",
                "--thresholds", .. thresholds.Select(Tiers.F), "--target-cloud-rate", Tiers.F(config.TargetCloudRate),
                "--devices", "1", "--save-results", output,
            ], Path.Combine(config.LogsDir, "edge1-serve.log"));
            await edge.WaitForLineAsync("serving", TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            await Tiers.RunAsync(config, "device-stream-edge", "DeviceSim", DeviceArgs.Stream(config, "edge", devicePort), cancellationToken).ConfigureAwait(false);
            await edge.WaitForSuccessAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("scenario3", fingerprint);
    }
}
