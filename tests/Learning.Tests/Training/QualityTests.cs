using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Training;

public sealed class QualityTests
{
    [Fact]
    public void Fit_TinyStudentOnGeneratedRml2016_ReachesSixtyPercentAtHighSnr()
    {
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        int[] snrs = [10, 12, 14, 16, 18];
        var train = generator.Generate(new GenerationRequest { SamplesPerClass = 500, Snrs = snrs, Seed = 101 }, cancellationToken: TestContext.Current.CancellationToken);
        var test = generator.Generate(new GenerationRequest { SamplesPerClass = 100, Snrs = [-10, 10, 14, 18], Seed = 202 }, cancellationToken: TestContext.Current.CancellationToken);
        var spec = ModelRegistry.Resolve("real_resnet20_rml2016", DatasetCatalog.Rml2016, width: 0.5, depth: [1, 1, 1]);
        using var model = ModelRegistry.Create(spec, 7);

        new Trainer(new TrainerOptions { Epochs = 8, BatchSize = 32, LearningRate = 0.01, Seed = 7, Device = CPU })
            .Fit(model, train, cancellationToken: TestContext.Current.CancellationToken);
        var report = ModelEvaluator.Evaluate(model, test, cancellationToken: TestContext.Current.CancellationToken);

        var high = report.AccuracyAtOrAbove(10)!.Value;
        TestContext.Current.TestOutputHelper?.WriteLine($"SNR >= 10 dB: {high:P1}; -10 dB: {report.PerSnr["-10"]:P1}");
        Assert.True(high >= 0.6, $"accuracy at SNR >= 10 dB is {high:P1}, expected at least 60 %");
        Assert.True(report.PerSnr["-10"] < high, "low-SNR accuracy should be below high-SNR accuracy");
    }
}
