using System.Text.Json.Nodes;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Training;

public sealed class SupervisedTrainingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supervised-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_SmallStudent_WritesCheckpointMetricsAndLogThatReload()
    {
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        var data = generator.Generate(new GenerationRequest { SamplesPerClass = 30, Snrs = [0, 10], Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var test = generator.Generate(new GenerationRequest { SamplesPerClass = 10, Snrs = [-4, 12], Seed = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        SignalDataset? lossData = null;
        var job = new SupervisedJob
        {
            Dataset = "rml2016",
            Preset = "real_resnet20",
            Width = 0.25,
            Depth = [1, 1, 1],
            Data = data,
            Test = test,
            ValRatio = 0.2,
            Trainer = new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = 5, Device = CPU },
            OutputPath = Path.Combine(_folder, "models", "edge_1_baseline_model.ckpt"),
            Method = "baseline",
            LossFactory = train =>
            {
                lossData = train;
                return CrossEntropyLossFunction.Instance;
            },
        };

        var outcome = SupervisedTraining.Run(job, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("real_resnet20_rml2016", outcome.Metadata.Preset);
        Assert.Equal(data.Classes, outcome.Metadata.Classes);
        Assert.Equal("baseline", outcome.Metadata.Training!.Method);
        Assert.Equal(36, outcome.Training.ValSamples);
        Assert.Equal(data.Count - 36, lossData!.Count);
        Assert.Equal(test.Count, outcome.Metrics.TestSamples);
        var metrics = JsonNode.Parse(File.ReadAllText(job.MetricsPath))!;
        Assert.Equal(outcome.Metrics.TestAccuracy, (double)metrics["test_accuracy"]!);
        Assert.Equal(2, metrics["test"]!["per_snr"]!.AsObject().Count);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(job.LogPath))!["epochs"]!.AsArray().Count);

        var loaded = Checkpoint.Load(job.OutputPath, new CheckpointExpectation("rml2016", DatasetCatalog.Rml2016.Classes, "real_resnet20", 128));
        using var model = loaded.CreateModel();
        var report = ModelEvaluator.Evaluate(model, test, new PredictOptions { Normalization = loaded.Metadata.Normalization }, TestContext.Current.CancellationToken);
        Assert.Equal(outcome.Metrics.TestAccuracy, report.OverallAccuracy);
        Assert.Equal(outcome.Metrics.TestAccuracy, loaded.Metadata.Training!.TestAccuracy);
        Assert.Throws<InvalidDataException>(() => Checkpoint.Load(job.OutputPath, new CheckpointExpectation(Architecture: "complex_resnet50")));
    }

    [Fact]
    public void ResolveSpec_DataOfAnotherDataset_ThrowsArgumentException()
    {
        var data = GeneratorFactory.Create(DatasetKind.Rml2016).Generate(new GenerationRequest { SamplesPerClass = 2, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        var error = Assert.Throws<ArgumentException>(() => SupervisedTraining.ResolveSpec("real_resnet20", "link11", data));

        Assert.Contains("rml2016", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SiblingPath_CheckpointPath_ReplacesTheExtension()
    {
        Assert.Equal(Path.Combine("models", "cloud", "m.metrics.json"), SupervisedJob.SiblingPath(Path.Combine("models", "cloud", "m.ckpt"), ".metrics.json"));
    }
}
