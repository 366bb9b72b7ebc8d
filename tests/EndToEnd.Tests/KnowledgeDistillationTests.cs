using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;

namespace CloudEdge.EndToEnd.Tests;

/// <summary>Issue 5: a silo and two edges running `EdgeClient kd` at once, as real processes on loopback.</summary>
[Collection(CloudCollection.Name)]
public sealed class KnowledgeDistillationTests(SiloFixture cloud)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Kd_TwoEdgesAtOnce_WriteModelsFetchLogitsOnceAndHonourRateLimit()
    {
        var work = Path.Combine(cloud.WorkDir, "kd");
        TestArtifacts.WriteSplit(Path.Combine(work, "data"), edges: 2, samplesPerClass: 20);
        var before = await TeacherTotalsAsync();

        // Edge 1 unlimited, edge 2 limited to 0.02 MB/s (its ~100 KB of signals then need ≥ 4 s).
        await using var edge1 = StartKd(work, 1, rateLimit: "0");
        await using var edge2 = StartKd(work, 2, rateLimit: "0.02");
        Assert.Equal(0, await edge1.WaitForExitAsync(Timeout));
        Assert.Equal(0, await edge2.WaitForExitAsync(Timeout));

        long sentByEdges = 0, receivedByEdges = 0;
        foreach (var edge in new[] { 1, 2 })
        {
            var model = Path.Combine(work, "models", "edge", "rml2016", $"edge_{edge}_kd_model.ckpt");
            Assert.True(File.Exists(model), $"missing {model}");
            using var link = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(model, ".link.json"), TestContext.Current.CancellationToken));
            var calls = link.RootElement.GetProperty("teacher_calls").GetInt32();
            var samples = link.RootElement.GetProperty("teacher_samples").GetInt32();

            // 120 samples, 20 % held out for validation; logits fetched once although training runs 2 epochs.
            Assert.Equal(96, samples);
            Assert.Equal((int)Math.Ceiling(samples / 40.0), calls);
            sentByEdges += link.RootElement.GetProperty("bytes_sent").GetInt64();
            receivedByEdges += link.RootElement.GetProperty("bytes_received").GetInt64();
            if (edge == 2)
            {
                var achieved = link.RootElement.GetProperty("achieved_mb_s").GetDouble();
                Assert.InRange(achieved, 0.005, 0.02 * 1.35);
            }
        }

        var after = await TeacherTotalsAsync();
        Assert.Equal(sentByEdges, after.BytesIn - before.BytesIn);
        Assert.Equal(2 * 96, after.Samples - before.Samples);

        // The edges count the teacher's logits plus the small describe answers.
        Assert.InRange(receivedByEdges - (after.BytesOut - before.BytesOut), 0, 2 * 1024);
    }

    [Fact]
    public async Task Kd_EdgeClassesDisagreeWithTeacher_RejectedBeforeTraining()
    {
        // The edge holds only five of rml2016's six classes: its student could not match the teacher's outputs.
        var work = Path.Combine(cloud.WorkDir, "kd-bad");
        var split = Path.Combine(work, "data", "rml2016");
        Directory.CreateDirectory(split);
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        NpzDataset.Save(generator.Generate(new GenerationRequest { SamplesPerClass = 4, Seed = 1, Classes = ["16QAM", "64QAM", "8PSK", "BPSK", "QPSK"] }, cancellationToken: TestContext.Current.CancellationToken), Path.Combine(split, "edge_1_data.npz"));

        await using var edge = RunningProcess.Start("EdgeClient", "kd", "--edge-id", "1", "--dataset-type", "rml2016", "--data-dir", Path.Combine(work, "data"),
            "--models-dir", Path.Combine(work, "models"), "--cloud-port", $"{cloud.CloudPort}");

        Assert.Equal(2, await edge.WaitForExitAsync(Timeout));
        Assert.Contains("differ from the teacher's", edge.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "models", "edge")));
    }

    private RunningProcess StartKd(string work, int edge, string rateLimit) =>
        RunningProcess.Start("EdgeClient", "kd", "--edge-id", $"{edge}", "--dataset-type", "rml2016", "--num-classes", "6",
            "--data-dir", Path.Combine(work, "data"), "--models-dir", Path.Combine(work, "models"), "--cloud-port", $"{cloud.CloudPort}",
            "--epochs", "2", "--batch-size", "32", "--width", "0.25", "--depth", "1,1,1", "--val-ratio", "0.2",
            "--teacher-batch", "40", "--rate-limit", rateLimit, "--seed", "3");

    private async Task<(long BytesIn, long BytesOut, long Samples)> TeacherTotalsAsync()
    {
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{cloud.DashboardPort}/cloudedge/stats"), TestContext.Current.CancellationToken));
        var totals = doc.RootElement.GetProperty("totals");
        return (totals.GetProperty("bytesIn").GetInt64(), totals.GetProperty("bytesOut").GetInt64(), totals.GetProperty("samples").GetInt64());
    }
}
