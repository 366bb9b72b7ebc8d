using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;

namespace CloudEdge.EndToEnd.Tests;

/// <summary>`EdgeClient evaluate` as a user runs it: fp32 and bf16 inference of one checkpoint on one file.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly ScratchFolder _scratch = new("evaluate");

    [Fact]
    public async Task Evaluate_Bf16Precision_ReportsSameSamplesWithAccuracyCloseToFp32()
    {
        var model = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "student.ckpt"), TestArtifacts.TinyStudent, "real_resnet20_rml2016");
        var test = Path.Combine(TestArtifacts.WriteSplit(Path.Combine(_scratch.Path, "data"), edges: 0, samplesPerClass: 30), "test_data.npz");

        var fp32 = await EvaluateAsync(model, test, "fp32");
        var bf16 = await EvaluateAsync(model, test, "bf16");

        Assert.Equal(180, fp32.GetProperty("n").GetInt32());
        Assert.Equal(180, bf16.GetProperty("n").GetInt32());
        Assert.InRange(bf16.GetProperty("overall_accuracy").GetDouble() - fp32.GetProperty("overall_accuracy").GetDouble(), -0.05, 0.05);
    }

    [Fact]
    public async Task Evaluate_UnknownPrecision_ExitsWithOneLineErrorNamingTheOption()
    {
        var model = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "student.ckpt"), TestArtifacts.TinyStudent, "real_resnet20_rml2016");
        var test = Path.Combine(TestArtifacts.WriteSplit(Path.Combine(_scratch.Path, "data"), edges: 0, samplesPerClass: 2), "test_data.npz");

        await using var run = RunningProcess.Start("EdgeClient", "evaluate", "--model", model, "--data", test, "--precision", "fp8");

        Assert.Equal(2, await run.WaitForExitAsync(Timeout));
        Assert.Contains("--precision", run.Output, StringComparison.Ordinal);
        Assert.Contains("fp8", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_Versus_ComparesBothModelsOnTheSameSamples()
    {
        var model = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "student.ckpt"), TestArtifacts.TinyStudent, "real_resnet20_rml2016");
        var versus = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "teacher.ckpt"), TestArtifacts.TinyTeacher, "complex_resnet50_rml2016");
        var test = Path.Combine(TestArtifacts.WriteSplit(Path.Combine(_scratch.Path, "data"), edges: 0, samplesPerClass: 30), "test_data.npz");

        var report = await EvaluateAsync(model, test, "fp32", "--versus", versus);
        var alone = await EvaluateAsync(versus, test, "fp32");

        var paired = report.GetProperty("versus");
        var counts = new[] { "both_correct", "only_model_correct", "only_versus_correct", "both_wrong" }.Sum(k => paired.GetProperty(k).GetInt32());
        Assert.Equal(180, paired.GetProperty("n").GetInt32());
        Assert.Equal(180, counts);
        Assert.Equal(report.GetProperty("overall_accuracy").GetDouble(), paired.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(alone.GetProperty("overall_accuracy").GetDouble(), paired.GetProperty("versus_accuracy").GetDouble(), 12);
        Assert.InRange(paired.GetProperty("mcnemar_p").GetDouble(), 0, 1);
        Assert.EndsWith("teacher.ckpt", report.GetProperty("versus_model").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_VersusModelOfAnotherInputLength_ExitsWithOneLineErrorNamingIt()
    {
        var model = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "student.ckpt"), TestArtifacts.TinyStudent, "real_resnet20_rml2016");
        var other = TestArtifacts.WriteCheckpoint(Path.Combine(_scratch.Path, "long.ckpt"), TestArtifacts.TinyStudent with { InputLength = 256 }, "real_resnet20_rml2016");
        var test = Path.Combine(TestArtifacts.WriteSplit(Path.Combine(_scratch.Path, "data"), edges: 0, samplesPerClass: 2), "test_data.npz");

        await using var run = RunningProcess.Start("EdgeClient", "evaluate", "--model", model, "--data", test, "--versus", other);

        Assert.NotEqual(0, await run.WaitForExitAsync(Timeout));
        Assert.Contains("long.ckpt", run.Output, StringComparison.Ordinal);
        Assert.Contains("length 256, expected 128", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _scratch.Dispose();

    private async Task<JsonElement> EvaluateAsync(string model, string data, string precision, params string[] extra)
    {
        var json = Path.Combine(_scratch.Path, $"evaluate-{Path.GetFileNameWithoutExtension(model)}-{precision}.json");
        await using var run = RunningProcess.Start("EdgeClient", ["evaluate", "--model", model, "--data", data, "--precision", precision, "--json", json, .. extra]);
        Assert.Equal(0, await run.WaitForExitAsync(Timeout));
        Assert.Contains(precision, run.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }
}
