using System.Globalization;
using System.Text.Json.Nodes;
using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Reporting;

/// <summary>Draws the report's figures from the report's own figures and the artefacts; returns name → file.</summary>
public static class ReportPlots
{
    public static IReadOnlyDictionary<string, string> Draw(ExperimentConfig config, JsonObject report, string folder)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(report);
        var figures = new Dictionary<string, string>();

        var rows = (report["scenario3"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => r["threshold"] is JsonValue v && v.TryGetValue<double>(out _)).ToList();
        if (rows.Count > 0)
        {
            var t = rows.Select(r => r["threshold"]!.GetValue<double>()).ToArray();
            double[] Col(string key) => rows.Select(r => r[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN).ToArray();
            figures["thresholds"] = Plots.Lines(Path.Combine(folder, "thresholds.png"), "Accuracy and cloud-call rate vs confidence threshold", "threshold", "fraction",
                [("overall accuracy", t, Col("overall_accuracy")), ("edge accuracy", t, Col("edge_accuracy")), ("cloud accuracy", t, Col("cloud_accuracy")), ("cloud-call rate", t, Col("cloud_call_rate"))], 0, 1.02);
        }

        var snrSeries = new List<(string, double[], double[])>();
        var teacher = Artifacts.PerSnr(Artifacts.Metrics(config.TeacherPath)?["test"]);
        if (teacher.Count > 0)
        {
            snrSeries.Add(("teacher", teacher.Keys.Select(k => (double)k).ToArray(), [.. teacher.Values]));
        }

        foreach (var kind in new[] { "baseline", "kd" })
        {
            var mean = MeanPerSnr(Enumerable.Range(1, config.NumEdges).Select(e => Artifacts.PerSnr(Artifacts.Metrics(config.EdgeModel(e, kind))?["test"])));
            if (mean.Count > 0)
            {
                snrSeries.Add(($"{kind} students (mean of edges)", mean.Keys.Select(k => (double)k).ToArray(), [.. mean.Values]));
            }
        }

        if (report["scenario2"]?["per_snr"] is JsonObject flSnr)
        {
            foreach (var (strategy, node) in flSnr)
            {
                var perSnr = Artifacts.PerSnr(new JsonObject { ["per_snr"] = node?.DeepClone() });
                snrSeries.Add(($"FL {strategy} students (mean of edges)", perSnr.Keys.Select(k => (double)k).ToArray(), [.. perSnr.Values]));
            }
        }

        if (snrSeries.Count > 0)
        {
            figures["accuracy_vs_snr"] = Plots.Lines(Path.Combine(folder, "accuracy_vs_snr.png"), "Test accuracy vs SNR", "SNR (dB)", "accuracy", snrSeries, 0, 1.02);
        }

        if (report["scenario1"] is JsonArray s1 && s1.Count > 0)
        {
            var edges = s1.Select(r => $"edge {r!["edge"]}").ToList();
            figures["scenario1"] = Plots.GroupedBars(Path.Combine(folder, "scenario1.png"), "Scenario 1: baseline vs KD student accuracy per edge", "test accuracy", edges,
                [("baseline", s1.Select(r => Value(r!["baseline_accuracy"])).ToArray()), ("KD", s1.Select(r => Value(r!["kd_accuracy"])).ToArray())]);
        }

        if (report["scenario2"]?["rounds"] is JsonArray rounds && rounds.Count > 0)
        {
            var series = rounds.OfType<JsonObject>()
                .GroupBy(r => $"{r["strategy"]} edge {r["edge"]}")
                .Select(g => (g.Key, g.Select(r => Value(r["round"])).ToArray(), g.Select(r => Value(r["test_accuracy"])).ToArray()))
                .ToList();
            figures["fl_rounds"] = Plots.Lines(Path.Combine(folder, "fl_rounds.png"), "Federated learning: test accuracy of each edge's model per round", "round", "test accuracy", series, 0, 1.02);
        }

        if (report["scenario4"] is JsonObject s4 && s4["edge_cloud"]?["latency_ms"] is JsonObject a && s4["cloud_only"]?["latency_ms"] is JsonObject b)
        {
            string[] percentiles = ["p50", "p95", "p99"];
            figures["latency"] = Plots.GroupedBars(Path.Combine(folder, "latency.png"), "Latency device send → answer: mode A (edge+cloud, t=0.7) vs mode B (cloud only)", "ms",
                percentiles, [("device → edge → cloud", percentiles.Select(p => Value(a[p])).ToArray()), ("device → cloud", percentiles.Select(p => Value(b[p])).ToArray())]);
        }

        var classes = Artifacts.Metrics(config.TeacherPath)?["test"]?["classes"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
        if (classes is not null && Artifacts.Confusion(Artifacts.Metrics(config.TeacherPath)?["test"]) is { } teacherConfusion)
        {
            figures["confusion_teacher"] = Plots.Confusion(Path.Combine(folder, "confusion_teacher.png"), "Teacher confusion (row-normalised)", teacherConfusion, classes);
        }

        if (classes is not null && Artifacts.Confusion(Artifacts.Metrics(config.EdgeModel(1, "kd"))?["test"]) is { } kdConfusion)
        {
            figures["confusion_kd_edge1"] = Plots.Confusion(Path.Combine(folder, "confusion_kd_edge1.png"), "Edge 1 KD student confusion (row-normalised)", kdConfusion, classes);
        }

        return figures;
    }

    private static double Value(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;

    private static SortedDictionary<int, double> MeanPerSnr(IEnumerable<SortedDictionary<int, double>> curves)
    {
        var sums = new SortedDictionary<int, (double Sum, int Count)>();
        foreach (var curve in curves)
        {
            foreach (var (snr, acc) in curve)
            {
                sums[snr] = sums.TryGetValue(snr, out var s) ? (s.Sum + acc, s.Count + 1) : (acc, 1);
            }
        }

        return new SortedDictionary<int, double>(sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum / kv.Value.Count));
    }

    internal static string Label(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
