using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEdge.Experiments.Reporting;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>
/// Scenario 2: for each strategy, a federation configured on the cloud and all edges training together from their KD
/// models (EdgeClient federated, all edges at once); each edge's federated model is then evaluated on the common test
/// set (EdgeClient evaluate) and compared with its KD model. Writes results/scenario2.json.
/// </summary>
public static class FlScenario
{
    public static async Task RunAsync(ExperimentConfig config, StageCache cache, StageTimer timer, Func<Task<CloudSession>> cloud, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cloud);
        var p = config.Preset;
        var edges = Enumerable.Range(1, config.NumEdges).ToList();
        var output = Path.Combine(config.ResultsDir, "scenario2.json");
        var inputs = edges.Select(e => config.EdgeModel(e, "kd")).Concat(edges.Select(e => Path.Combine(config.SplitDir, $"edge_{e}_data.npz")));
        var fingerprint = StageCache.Fingerprint(new { config.Strategies, p.FlRounds, p.FlLocalEpochs, p.StudentWidth, p.StudentDepth, p.StudentBatch, config.Seed }, inputs);
        if (cache.IsDone("scenario2", fingerprint, [output]))
        {
            timer.Skipped("scenario2", "federated students exist for these settings and KD models");
            return;
        }

        await timer.RunAsync("scenario2", $"federated learning ({string.Join(", ", config.Strategies)}), {p.FlRounds} rounds × {p.FlLocalEpochs} local epochs on {config.NumEdges} edges", async () =>
        {
            var session = await cloud().ConfigureAwait(false);
            var result = new JsonObject();
            var rounds = new JsonArray();
            var perSnr = new JsonObject();
            foreach (var strategy in config.Strategies)
            {
                var federation = $"{config.Dataset}-fl-{strategy}-{config.Seed}";
                var models = Path.Combine(config.ModelsDir, $"fl-{strategy}");
                await Tiers.RunAsync(config, $"federation-{strategy}", "Silo",
                [
                    "federation", "configure", "--cloud-port", $"{session.CloudPort}", "--federation", federation, "--dataset-type", config.Dataset,
                    "--edge-model", $"real_resnet20_{config.Dataset}", "--num-edges", $"{config.NumEdges}", "--min-edges", $"{config.NumEdges}",
                    "--num-rounds", $"{p.FlRounds}", "--local-epochs", $"{p.FlLocalEpochs}", "--strategy", strategy,
                ], cancellationToken).ConfigureAwait(false);
                await Tiers.RunAllAsync(config, edges.Select(e => ($"edge{e}-fl-{strategy}", "EdgeClient", (IEnumerable<string>)
                [
                    "federated", .. StudentArgs.For(config, e, p.FlLocalEpochs, models), "--cloud-port", $"{session.CloudPort}",
                    "--federation", federation, "--strategy", strategy, "--num-rounds", $"{p.FlRounds}", "--local-epochs", $"{p.FlLocalEpochs}",
                    "--kd-model-path", config.EdgeModel(e, "kd"),
                ])), cancellationToken).ConfigureAwait(false);

                var rows = new JsonArray();
                var curves = new List<SortedDictionary<int, double>>();
                foreach (var edge in edges)
                {
                    var model = Path.Combine(models, "edge", config.Dataset, $"edge_{edge}_federated_model.ckpt");
                    var evaluation = Path.Combine(config.ResultsDir, $"fl_{strategy}_edge{edge}_test.json");
                    await Tiers.RunAsync(config, $"evaluate-fl-{strategy}-edge{edge}", "EdgeClient",
                        ["evaluate", "--model", model, "--data", Path.Combine(config.SplitDir, "test_data.npz"), "--json", evaluation], cancellationToken).ConfigureAwait(false);
                    var report = Artifacts.Read(evaluation);
                    curves.Add(Artifacts.PerSnr(report));
                    rows.Add(new JsonObject
                    {
                        ["edge"] = edge,
                        ["before_accuracy"] = Artifacts.Number(Artifacts.Metrics(config.EdgeModel(edge, "kd")), "test_accuracy"),
                        ["after_accuracy"] = Artifacts.Number(report, "overall_accuracy"),
                    });
                    foreach (var round in RoundsOf(Path.ChangeExtension(model, ".rounds.json")))
                    {
                        round["strategy"] = strategy;
                        round["edge"] = edge;
                        rounds.Add(round);
                    }
                }

                result[strategy] = rows;
                perSnr[strategy] = JsonSerializer.SerializeToNode(Mean(curves).ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value));
            }

            result["rounds"] = rounds;
            result["per_snr"] = perSnr;
            Directory.CreateDirectory(config.ResultsDir);
            await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        cache.MarkDone("scenario2", fingerprint);
    }

    private static IEnumerable<JsonObject> RoundsOf(string path)
    {
        var node = Artifacts.Read(path);
        var array = node as JsonArray ?? node?["rounds"] as JsonArray ?? [];
        foreach (var round in array.OfType<JsonObject>())
        {
            yield return new JsonObject
            {
                ["round"] = round["round"]?.DeepClone(),
                ["test_accuracy"] = round["test_accuracy"]?.DeepClone(),
                ["val_accuracy"] = round["val_accuracy"]?.DeepClone(),
            };
        }
    }

    private static SortedDictionary<int, double> Mean(IReadOnlyList<SortedDictionary<int, double>> curves)
    {
        var keys = curves.SelectMany(c => c.Keys).Distinct();
        return new SortedDictionary<int, double>(keys.ToDictionary(k => k, k => curves.Where(c => c.ContainsKey(k)).Average(c => c[k])));
    }
}
