using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEdge.Experiments.Reporting;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>
/// Scenario 4: the same device stream as scenario 3 sent straight to the cloud's ingest endpoint (mode B), compared with
/// scenario 3's row at threshold 0.7 (mode A). Writes results/scenario4.json.
/// </summary>
public static class CompareScenario
{
    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, Func<Task<CloudSession>> cloud, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloud);
        var output = Path.Combine(config.ResultsDir, "scenario4.json");
        var cloudOnly = Path.Combine(config.ResultsDir, "cloud_only.json");
        var scenario3 = Path.Combine(config.ResultsDir, "scenario3.json");
        if (!File.Exists(scenario3))
        {
            throw new FileNotFoundException($"scenario 4 compares with scenario 3's stream: {scenario3} is missing (run `Experiments thresholds` first)");
        }

        var fingerprint = StageCache.Fingerprint(new { config.Preset.StreamSamples, config.Preset.StreamRate, config.Seed }, [config.TeacherPath, scenario3]);
        if (cache.IsDone("scenario4", fingerprint, [output]))
        {
            timer.Skipped("scenario4", "comparison exists for these settings and models");
            return;
        }

        await timer.RunAsync("scenario4", $"device → cloud on the same {config.Preset.StreamSamples}-sample stream", async () =>
        {
            var session = await cloud().ConfigureAwait(false);
            await Tiers.RunAsync(config, "device-stream-cloud", "DeviceSim", [.. DeviceArgs.Stream(config, "cloud", session.IngestPort), "--save-results", cloudOnly], cancellationToken).ConfigureAwait(false);
            var rows = Artifacts.Read(scenario3)?["thresholds"] as JsonArray ?? [];
            var edgeCloud = rows.OfType<JsonObject>().FirstOrDefault(r => r["threshold"] is JsonValue v && v.TryGetValue<double>(out var t) && Math.Abs(t - ThresholdScenario.CompareThreshold) < 1e-9)
                ?? throw new InvalidDataException($"{scenario3} has no row for threshold {ThresholdScenario.CompareThreshold}");
            var result = new JsonObject
            {
                ["edge_cloud"] = edgeCloud.DeepClone(),
                ["cloud_only"] = Artifacts.Read(cloudOnly) ?? throw new InvalidDataException($"the device wrote no {cloudOnly}"),
            };
            await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("scenario4", fingerprint);
    }
}
