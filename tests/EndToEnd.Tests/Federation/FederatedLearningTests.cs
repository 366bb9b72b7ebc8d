using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;
using CloudEdge.Signals.Splits;
using CloudEdge.Cli;

namespace CloudEdge.EndToEnd.Tests.Federation;

/// <summary>
/// Issue 6: a silo with a FedProx federation and three edges with Dirichlet(0.3) label-skewed data running
/// `EdgeClient federated` as real processes on loopback (edge 1 adds a distillation term with the cloud teacher's
/// logits); one edge is killed while it trains round 2 and restarted.
/// </summary>
public sealed class FederatedLearningTests : IDisposable
{
    private const string FederationId = "e2e-federation";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cloudedge-fl-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Federated_ThreeEdgesOneKilledInRound2AndRestarted_AllRoundsCompleteAndEveryEdgeWritesItsModel()
    {
        WriteDirichletSplit();
        var teachers = Path.Combine(_work, "models", "cloud");
        TestArtifacts.WriteCheckpoint(Path.Combine(teachers, "rml2016", "cloud_pretrain_model.ckpt"), TestArtifacts.TinyTeacher, "complex_resnet50_rml2016");
        var ports = FreePorts.Take(3);
        await using var silo = RunningProcess.Start("Silo", "run", "--cloud-port", $"{ports[0]}", "--silo-port", $"{ports[1]}", "--dashboard-port", $"{ports[2]}",
            "--ingest-port", "0", "--teachers-dir", teachers, "--state-dir", Path.Combine(_work, "state"), "--federation", FederationId,
            "--num-edges", "3", "--num-rounds", "3", "--local-epochs", "1", "--round-deadline", "600", "--strategy", "fedprox", "--mu", "0.01");
        await silo.WaitForLineAsync("CLOUDEDGE_SILO_READY", TimeSpan.FromSeconds(90));

        // Edge 2's link is slow (5 kB/s): its ~11 kB upload waits over a second for the rate limit after it has
        // trained, so killing it when it starts training round 2 always lands before its round-2 submission.
        await using var edge1 = StartEdge(1, ports[0], kdAlpha: "0.5");
        await using var edge3 = StartEdge(3, ports[0]);
        var edge2 = StartEdge(2, ports[0], rateLimit: "0.005");
        await edge2.WaitForLineAsync("round 2 training", Timeout);
        await edge2.DisposeAsync();
        await using var restarted = StartEdge(2, ports[0], rateLimit: "0.005");

        Assert.Equal(0, await edge1.WaitForExitAsync(Timeout));
        Assert.Equal(0, await edge3.WaitForExitAsync(Timeout));
        Assert.Equal(0, await restarted.WaitForExitAsync(Timeout));

        // Every round needs all three edges, so the restarted edge rejoined round 2 and the others waited for it.
        Assert.Contains("teacher logits for", edge1.Output, StringComparison.Ordinal);
        Assert.True(restarted.Output.Contains("joined federation e2e-federation at round 2", StringComparison.Ordinal), restarted.Output);
        var models = Path.Combine(_work, "models", "edge", "rml2016");
        var global = Checkpoint.Load(Path.Combine(models, "federated_global_model.ckpt"));
        Assert.Equal("federated", global.Metadata.Training!.Method);
        foreach (var edge in new[] { 1, 2, 3 })
        {
            var model = Checkpoint.Load(Path.Combine(models, $"edge_{edge}_federated_model.ckpt"));
            Assert.Equal(global.Metadata.WeightsSha256, model.Metadata.WeightsSha256);
            using var rounds = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(models, $"edge_{edge}_federated_model.rounds.json"), TestContext.Current.CancellationToken));
            var rows = rounds.RootElement.GetProperty("rounds").EnumerateArray().ToList();
            Assert.Equal([0, 1, 2, 3], rows.Select(r => r.GetProperty("round").GetInt32()));
            Assert.All(rows, r => Assert.InRange(r.GetProperty("test_accuracy").GetDouble(), 0, 1));
            Assert.True(rounds.RootElement.GetProperty("finished").GetBoolean());
        }

        await using var status = RunningProcess.Start("Silo", "federation", "status", "--cloud-port", $"{ports[0]}", "--federation", FederationId, "--json");
        Assert.Equal(0, await status.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        using var json = JsonDocument.Parse(status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.True(json.RootElement.GetProperty("finished").GetBoolean());
        var history = json.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], history.Select(h => h.GetProperty("round").GetInt32()));
        Assert.All(history, h => Assert.Equal(["edge-1", "edge-2", "edge-3"], h.GetProperty("participants").EnumerateArray().Select(p => p.GetString())));
        Assert.All(history.Skip(1), h => Assert.True(h.GetProperty("metrics").TryGetProperty("train_loss", out _)));
        Assert.Equal(["fedavg", "fedprox", "fedprox", "fedprox"], history.Select(h => h.GetProperty("strategy").GetString()));
    }

    private RunningProcess StartEdge(int edge, int cloudPort, string rateLimit = "0", string kdAlpha = "0") =>
        RunningProcess.Start("EdgeClient", "federated", "--edge-id", $"{edge}", "--dataset-type", "rml2016", "--num-classes", "6",
            "--data-dir", Path.Combine(_work, "data"), "--models-dir", Path.Combine(_work, "models"), "--cloud-port", $"{cloudPort}",
            "--federation", FederationId, "--num-rounds", "3", "--strategy", "fedprox", "--kd-alpha", kdAlpha, "--batch-size", "32", "--width", "0.25", "--depth", "1,1,1",
            "--val-ratio", "0.2", "--threads", "1", "--rate-limit", rateLimit, "--seed", "3");

    /// <summary>Synthetic rml2016 data split as the workflow does: test and cloud shares, the rest over 3 edges by Dirichlet(0.3).</summary>
    private void WriteDirichletSplit()
    {
        Directory.CreateDirectory(_work);
        var raw = Path.Combine(_work, "raw.npz");
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        var dataset = generator.Generate(new GenerationRequest { SamplesPerClass = 80, Seed = 9, Snrs = [10, 14, 18] }, cancellationToken: TestContext.Current.CancellationToken);
        NpzDataset.Save(dataset, raw);
        var options = new SplitOptions { NumEdges = 3, DirichletAlpha = 0.3, Seed = 4 };
        SplitWriter.Write(dataset, DatasetSplitter.Split(dataset, options), options, Path.Combine(_work, "data"), "rml2016", SplitSource.Describe(raw));
    }
}
