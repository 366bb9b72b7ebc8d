using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;

namespace CloudEdge.EndToEnd.Tests;

/// <summary>`Silo pretrain --init-from` as a user runs it: continuing a teacher from its checkpoint.</summary>
public sealed class PretrainCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly ScratchFolder _scratch = new("pretrain");

    [Fact]
    public async Task Pretrain_InitFromTeacherCheckpoint_TrainsFromItAndRecordsIt()
    {
        var teacher = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "start.ckpt"), TestArtifacts.TinyTeacher, "complex_resnet50_rml2016");
        var split = Path.Combine(_scratch.Path, "data", "rml2016");
        Directory.CreateDirectory(split);
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        NpzDataset.Save(generator.Generate(new GenerationRequest { SamplesPerClass = 10, Seed = 4, Snrs = [10, 18] }, cancellationToken: TestContext.Current.CancellationToken), Path.Combine(split, "cloud_data.npz"));
        var output = Path.Combine(_scratch.Path, "continued.ckpt");

        await using var run = RunningProcess.Start("Silo", "pretrain", "--dataset-type", "rml2016", "--data-path", split, "--width", "0.125", "--depth", "1,1,1,1",
            "--epochs", "1", "--batch-size", "20", "--init-from", teacher, "--out", output);

        Assert.Equal(0, await run.WaitForExitAsync(Timeout));
        Assert.Contains("starting from", run.Output, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".metrics.json"), TestContext.Current.CancellationToken));
        Assert.Equal(teacher, metrics.RootElement.GetProperty("initialized_from").GetString());
    }

    [Fact]
    public async Task Pretrain_InitFromMissingCheckpoint_ExitsWithOneLineErrorNamingTheOption()
    {
        await using var run = RunningProcess.Start("Silo", "pretrain", "--dataset-type", "rml2016", "--data-path", Path.Combine(_scratch.Path, "nowhere"),
            "--init-from", Path.Combine(_scratch.Path, "missing.ckpt"));

        Assert.Equal(2, await run.WaitForExitAsync(Timeout));
        Assert.Contains("error: --init-from: checkpoint", run.Output, StringComparison.Ordinal);
        Assert.Contains("missing.ckpt", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Dispose();
}
