using System.Text.Json.Nodes;
using CloudEdge.EndToEnd.Tests.Infrastructure;

namespace CloudEdge.EndToEnd.Tests;

/// <summary>Issue 8: `Experiments all` on the tiny preset, end to end with real processes, and the report's consistency.</summary>
public sealed class ExperimentsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "cloudedge-exp-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task All_TinyPreset_WritesConsistentReportAndResumesBySkipping()
    {
        await using (var run = RunningProcess.Start("Experiments", "all", "--preset", "tiny", "--out", _out, "--num-edges", "2", "--seed", "7"))
        {
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromMinutes(8)));
        }

        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "report.json"), TestContext.Current.CancellationToken))!.AsObject();
        foreach (var key in new[] { "config", "machine", "durations_s", "teacher", "scenario1", "scenario2", "scenario3", "scenario4" })
        {
            Assert.True(report.ContainsKey(key), $"report.json lacks {key}");
        }

        InUnitRange(report["teacher"]!["test_accuracy"]);
        var scenario1 = report["scenario1"]!.AsArray();
        Assert.Equal(2, scenario1.Count);
        foreach (var row in scenario1)
        {
            InUnitRange(row!["baseline_accuracy"]);
            InUnitRange(row["kd_accuracy"]);
        }

        foreach (var strategy in new[] { "fedavg", "median" })
        {
            var rows = report["scenario2"]![strategy]!.AsArray();
            Assert.Equal(2, rows.Count);
            foreach (var row in rows)
            {
                InUnitRange(row!["before_accuracy"]);
                InUnitRange(row["after_accuracy"]);
            }
        }

        var sweep = report["scenario3"]!.AsArray().OfType<JsonObject>().Where(r => r["threshold"] is JsonValue v && v.TryGetValue<double>(out _)).ToList();
        Assert.True(sweep.Count >= 5);
        var previousRate = -1.0;
        foreach (var row in sweep.OrderBy(r => r["threshold"]!.GetValue<double>()))
        {
            var edge = row["edge_samples"]!.GetValue<long>();
            var cloud = row["cloud_samples"]!.GetValue<long>();
            Assert.Equal(300, edge + cloud);
            var rate = row["cloud_call_rate"]!.GetValue<double>();
            Assert.InRange(rate, previousRate, 1.0);
            previousRate = rate;
            InUnitRange(row["overall_accuracy"]);
        }

        var modeB = report["scenario4"]!["cloud_only"]!;
        Assert.Equal(300, modeB["teacher_samples"]!.GetValue<long>());
        InUnitRange(modeB["overall_accuracy"]);
        Assert.Equal(0.7, report["scenario4"]!["edge_cloud"]!["threshold"]!.GetValue<double>(), 9);
        Assert.True(File.Exists(Path.Combine(_out, "report.md")));
        Assert.True(File.Exists(Path.Combine(_out, "plots", "thresholds.png")));
        Assert.True(File.Exists(Path.Combine(_out, "plots", "accuracy_vs_snr.png")));

        // A second run finds every stage's outputs and skips it.
        await using var again = RunningProcess.Start("Experiments", "all", "--preset", "tiny", "--out", _out, "--num-edges", "2", "--seed", "7");
        Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        foreach (var stage in new[] { "data", "pretrain", "scenario1", "scenario2", "scenario3", "scenario4" })
        {
            Assert.Contains($"{stage}: skipped", again.Output, StringComparison.Ordinal);
        }
    }

    private static void InUnitRange(JsonNode? node)
    {
        Assert.NotNull(node);
        Assert.InRange(node.GetValue<double>(), 0.0, 1.0);
    }
}
