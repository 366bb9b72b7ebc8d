using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Reporting;

/// <summary>
/// Builds <c>report.json</c> (keys as in DESIGN.md §3), <c>report.md</c> and the plots from what the stages wrote:
/// the checkpoints' metrics, <c>results/scenario2.json</c>, <c>results/scenario3.json</c> (EdgeClient serve results) and
/// <c>results/scenario4.json</c>. Every figure comes from those files.
/// </summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(ExperimentConfig config, IReadOnlyDictionary<string, double> durations)
    {
        ArgumentNullException.ThrowIfNull(config);
        var plots = Path.Combine(config.OutDir, "plots");
        var report = new JsonObject
        {
            ["config"] = JsonSerializer.SerializeToNode(new
            {
                dataset = config.Dataset,
                preset = config.Preset,
                seed = config.Seed,
                num_edges = config.NumEdges,
                dirichlet_alpha = config.DirichletAlpha,
                cloud_ratio = config.CloudRatio,
                thresholds = config.Thresholds,
                target_cloud_rate = config.TargetCloudRate,
                strategies = config.Strategies,
            }),
            ["machine"] = MachineInfo.Describe(),
            ["durations_s"] = JsonSerializer.SerializeToNode(MergeDurations(config, durations)),
        };

        var teacher = Artifacts.Metrics(config.TeacherPath);
        report["teacher"] = new JsonObject
        {
            ["test_accuracy"] = Artifacts.Number(teacher, "test_accuracy"),
            ["test_accuracy_snr_ge10"] = Artifacts.Number(teacher, "test_accuracy_snr_ge_10"),
            ["parameters"] = Artifacts.Number(teacher, "parameters"),
            ["train_seconds"] = Artifacts.Number(teacher, "seconds"),
        };

        var scenario1 = new JsonArray();
        for (var edge = 1; edge <= config.NumEdges; edge++)
        {
            var baseline = Artifacts.Metrics(config.EdgeModel(edge, "baseline"));
            var kd = Artifacts.Metrics(config.EdgeModel(edge, "kd"));
            if (baseline is null && kd is null)
            {
                continue;
            }

            scenario1.Add(new JsonObject
            {
                ["edge"] = edge,
                ["baseline_accuracy"] = Artifacts.Number(baseline, "test_accuracy"),
                ["kd_accuracy"] = Artifacts.Number(kd, "test_accuracy"),
                ["baseline_accuracy_snr_ge10"] = Artifacts.Number(baseline, "test_accuracy_snr_ge_10"),
                ["kd_accuracy_snr_ge10"] = Artifacts.Number(kd, "test_accuracy_snr_ge_10"),
                ["baseline_train_seconds"] = Artifacts.Number(baseline, "seconds"),
                ["kd_train_seconds"] = Artifacts.Number(kd, "seconds"),
            });
        }

        report["scenario1"] = scenario1;
        report["scenario2"] = Artifacts.Read(Path.Combine(config.ResultsDir, "scenario2.json")) ?? new JsonObject();
        report["scenario3"] = Artifacts.Read(Path.Combine(config.ResultsDir, "scenario3.json"))?["thresholds"]?.DeepClone() ?? new JsonArray();
        report["scenario4"] = Artifacts.Read(Path.Combine(config.ResultsDir, "scenario4.json")) ?? new JsonObject();

        var figures = ReportPlots.Draw(config, report, plots);
        var jsonPath = Path.Combine(config.OutDir, "report.json");
        File.WriteAllText(jsonPath, report.ToJsonString(Indented));
        var mdPath = Path.Combine(config.OutDir, "report.md");
        File.WriteAllText(mdPath, ReportMarkdown.Render(config, report, figures), new UTF8Encoding(false));
        return mdPath;
    }

    private static SortedDictionary<string, double> MergeDurations(ExperimentConfig config, IReadOnlyDictionary<string, double> current)
    {
        var path = Path.Combine(config.OutDir, ".stages", "durations.json");
        var merged = File.Exists(path) ? JsonSerializer.Deserialize<SortedDictionary<string, double>>(File.ReadAllText(path)) ?? [] : new SortedDictionary<string, double>();
        foreach (var (stage, seconds) in current)
        {
            if (seconds > 0 || !merged.ContainsKey(stage))
            {
                merged[stage] = seconds;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(merged));
        return merged;
    }

    internal static string Pct(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString("P1", CultureInfo.InvariantCulture) : "–";

    internal static string Num(JsonNode? node, string format = "0.##") => node is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
