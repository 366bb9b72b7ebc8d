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
    public void Run_InitialCheckpoint_StartsFromItsWeightsAndRecordsIt()
    {
        var data = GeneratorFactory.Create(DatasetKind.Rml2016).Generate(new GenerationRequest { SamplesPerClass = 12, Snrs = [10], Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var first = TinyJob(data, "first.ckpt", learningRate: 0.01);
        SupervisedTraining.Run(first, cancellationToken: TestContext.Current.CancellationToken);

        // A learning rate this small leaves the weights where they start: at the first run's, not at a fresh seed's.
        var continued = TinyJob(data, "continued.ckpt", learningRate: 1e-12) with { InitialCheckpoint = first.OutputPath };
        var fresh = TinyJob(data, "fresh.ckpt", learningRate: 1e-12);
        var outcome = SupervisedTraining.Run(continued, cancellationToken: TestContext.Current.CancellationToken);
        SupervisedTraining.Run(fresh, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.OutputPath, outcome.Metrics.InitializedFrom);
        Assert.Equal(first.OutputPath, (string?)JsonNode.Parse(File.ReadAllText(continued.MetricsPath))!["initialized_from"]);
        Assert.True(MaxWeightDifference(first.OutputPath, continued.OutputPath) < 1e-6);
        Assert.True(MaxWeightDifference(first.OutputPath, fresh.OutputPath) > 1e-3);
    }

    [Fact]
    public void Run_InitialCheckpointOfAnotherWidth_ThrowsNamingBothSizes()
    {
        var data = GeneratorFactory.Create(DatasetKind.Rml2016).Generate(new GenerationRequest { SamplesPerClass = 6, Snrs = [10], Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        var first = TinyJob(data, "narrow.ckpt", learningRate: 0.01);
        SupervisedTraining.Run(first, cancellationToken: TestContext.Current.CancellationToken);

        var wider = TinyJob(data, "wider.ckpt", learningRate: 0.01) with { Width = 0.5, InitialCheckpoint = first.OutputPath };
        var error = Assert.Throws<ArgumentException>(() => SupervisedTraining.Run(wider, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("width 0.25", error.Message, StringComparison.Ordinal);
        Assert.Contains("width 0.5", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(wider.OutputPath));
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

    private SupervisedJob TinyJob(SignalDataset data, string file, double learningRate) => new()
    {
        Dataset = "rml2016",
        Preset = "real_resnet20",
        Width = 0.25,
        Depth = [1, 1, 1],
        Data = data,
        ValRatio = 0,
        Trainer = new TrainerOptions { Epochs = 1, BatchSize = 24, LearningRate = learningRate, Seed = 9, Device = CPU },
        OutputPath = Path.Combine(_folder, file),
    };

    /// <summary>Largest absolute difference between the convolution and linear weights of two checkpoints.</summary>
    private static double MaxWeightDifference(string a, string b)
    {
        var left = Checkpoint.Load(a).Weights;
        var right = Checkpoint.Load(b).Weights;
        return left.Where(t => t.Shape.Length >= 2 && t.Float32 is not null)
            .Max(t => t.Float32!.Zip(right[t.Name].Float32!, (x, y) => Math.Abs((double)x - y)).Max());
    }
}
