using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Reporting;

/// <summary>Renders report.md: the configuration, the machine, every scenario's table and the figures.</summary>
public static class ReportMarkdown
{
    public static string Render(ExperimentConfig config, JsonObject report, IReadOnlyDictionary<string, string> figures)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(figures);
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"# CloudEdge report: {config.Dataset}, preset {config.Preset.Name}");
        md.AppendLine();
        md.AppendLine(inv, $"Command: `Experiments all --dataset {config.Dataset} --preset {config.Preset.Name} --seed {config.Seed} --num-edges {config.NumEdges} --dirichlet-alpha {config.DirichletAlpha.ToString(inv)}`");
        md.AppendLine();
        md.AppendLine("## Configuration and machine");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(report["config"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        md.AppendLine(report["machine"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("| stage | seconds |");
        md.AppendLine("|---|---:|");
        foreach (var (stage, seconds) in report["durations_s"]!.AsObject())
        {
            md.AppendLine(inv, $"| {stage} | {ReportWriter.Num(seconds, "0.0")} |");
        }

        md.AppendLine();
        md.AppendLine("## Teacher");
        md.AppendLine();
        md.AppendLine(inv, $"Test accuracy {ReportWriter.Pct(report["teacher"]?["test_accuracy"])} (SNR ≥ 10 dB: {ReportWriter.Pct(report["teacher"]?["test_accuracy_snr_ge10"])}), {ReportWriter.Num(report["teacher"]?["parameters"], "N0")} parameters, trained in {ReportWriter.Num(report["teacher"]?["train_seconds"], "0")} s.");
        md.AppendLine();

        md.AppendLine("## Scenario 1: baseline vs knowledge distillation");
        md.AppendLine();
        md.AppendLine("| edge | baseline | KD | baseline SNR ≥ 10 dB | KD SNR ≥ 10 dB | baseline s | KD s |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in (report["scenario1"] as JsonArray ?? []).OfType<JsonObject>())
        {
            md.AppendLine(inv, $"| {row["edge"]} | {ReportWriter.Pct(row["baseline_accuracy"])} | {ReportWriter.Pct(row["kd_accuracy"])} | {ReportWriter.Pct(row["baseline_accuracy_snr_ge10"])} | {ReportWriter.Pct(row["kd_accuracy_snr_ge10"])} | {ReportWriter.Num(row["baseline_train_seconds"], "0")} | {ReportWriter.Num(row["kd_train_seconds"], "0")} |");
        }

        Figure(md, figures, "scenario1");
        md.AppendLine("## Scenario 2: KD students vs federated students");
        md.AppendLine();
        foreach (var (strategy, node) in (report["scenario2"] as JsonObject ?? []).Where(kv => kv.Value is JsonArray && kv.Key != "rounds"))
        {
            md.AppendLine(inv, $"**{strategy}**");
            md.AppendLine();
            md.AppendLine("| edge | before (KD) | after (FL) |");
            md.AppendLine("|---:|---:|---:|");
            foreach (var row in node!.AsArray().OfType<JsonObject>())
            {
                md.AppendLine(inv, $"| {row["edge"]} | {ReportWriter.Pct(row["before_accuracy"])} | {ReportWriter.Pct(row["after_accuracy"])} |");
            }

            md.AppendLine();
        }

        Figure(md, figures, "fl_rounds");
        md.AppendLine("## Scenario 3: confidence-threshold sweep (device → edge → cloud)");
        md.AppendLine();
        md.AppendLine("| threshold | overall | edge | cloud | cloud-call rate | edge samples | cloud samples | bytes to cloud | samples/s | p50 ms | p95 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in (report["scenario3"] as JsonArray ?? []).OfType<JsonObject>())
        {
            md.AppendLine(inv, $"| {row["threshold"]} | {ReportWriter.Pct(row["overall_accuracy"])} | {ReportWriter.Pct(row["edge_accuracy"])} | {ReportWriter.Pct(row["cloud_accuracy"])} | {ReportWriter.Pct(row["cloud_call_rate"])} | {row["edge_samples"]} | {row["cloud_samples"]} | {ReportWriter.Num(row["bytes_to_cloud"], "N0")} | {ReportWriter.Num(row["throughput_sps"], "0")} | {ReportWriter.Num(row["latency_ms"]?["p50"], "0.0")} | {ReportWriter.Num(row["latency_ms"]?["p95"], "0.0")} | {ReportWriter.Num(row["latency_ms"]?["p99"], "0.0")} |");
        }

        Figure(md, figures, "thresholds");
        md.AppendLine("## Scenario 4: device → edge → cloud vs device → cloud");
        md.AppendLine();
        var s4 = report["scenario4"] as JsonObject;
        md.AppendLine("| mode | accuracy | bytes to cloud | teacher samples | p50 ms | p95 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        if (s4?["edge_cloud"] is JsonObject a)
        {
            md.AppendLine(inv, $"| A: device → edge → cloud (t = {a["threshold"]}) | {ReportWriter.Pct(a["overall_accuracy"])} | {ReportWriter.Num(a["bytes_to_cloud"], "N0")} | {a["cloud_samples"]} | {ReportWriter.Num(a["latency_ms"]?["p50"], "0.0")} | {ReportWriter.Num(a["latency_ms"]?["p95"], "0.0")} | {ReportWriter.Num(a["latency_ms"]?["p99"], "0.0")} |");
        }

        if (s4?["cloud_only"] is JsonObject b)
        {
            md.AppendLine(inv, $"| B: device → cloud | {ReportWriter.Pct(b["overall_accuracy"])} | {ReportWriter.Num(b["bytes_to_cloud"], "N0")} | {b["teacher_samples"]} | {ReportWriter.Num(b["latency_ms"]?["p50"], "0.0")} | {ReportWriter.Num(b["latency_ms"]?["p95"], "0.0")} | {ReportWriter.Num(b["latency_ms"]?["p99"], "0.0")} |");
        }

        Figure(md, figures, "latency");
        md.AppendLine("## Accuracy vs SNR and confusion matrices");
        md.AppendLine();
        Figure(md, figures, "accuracy_vs_snr");
        Figure(md, figures, "confusion_teacher");
        Figure(md, figures, "confusion_kd_edge1");
        return md.ToString();
    }

    private static void Figure(StringBuilder md, IReadOnlyDictionary<string, string> figures, string name)
    {
        md.AppendLine();
        if (figures.TryGetValue(name, out var path))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"![{name}](plots/{Path.GetFileName(path)})");
            md.AppendLine();
        }
    }
}
