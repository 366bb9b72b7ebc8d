using System.Text.Json.Nodes;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trainer-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Fit_SameSeedTwice_GivesIdenticalWeightsAndHistory()
    {
        var data = ToneData.Create(40);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 11, Device = CPU };

        var (first, a) = Train(data, options, modelSeed: 4);
        var (second, b) = Train(data, options, modelSeed: 4);
        var (_, c) = Train(data, options with { Seed = 12 }, modelSeed: 4);

        Assert.Equal(first.ToBytes(), second.ToBytes());
        Assert.Equal(a.Epochs.Select(e => e.TrainLoss), b.Epochs.Select(e => e.TrainLoss));
        Assert.NotEqual(a.Epochs[^1].TrainLoss, c.Epochs[^1].TrainLoss);
    }

    [Fact]
    public void Fit_ToneData_LearnsAndValidates()
    {
        var split = HoldoutSplit.Stratified(ToneData.Create(60), 0.25, 3);
        using var model = new TinyNet(3);

        var result = new Trainer(new TrainerOptions { Epochs = 6, BatchSize = 16, LearningRate = 0.01, Seed = 1, Device = CPU })
            .Fit(model, split.Train, split.Validation, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(6, result.Epochs.Count);
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, "training loss should fall");
        Assert.True(result.BestValAccuracy >= 0.8, $"validation accuracy {result.BestValAccuracy}");
        Assert.Equal(split.Train.Count, result.TrainSamples);
        Assert.Equal(split.Validation.Count, result.ValSamples);
        Assert.True(result.SamplesPerSecond > 0);
    }

    [Fact]
    public void Fit_NoProgressWithPatience_StopsEarlyAfterPatienceEpochs()
    {
        var split = HoldoutSplit.Stratified(ToneData.Create(20), 0.3, 3);
        using var model = new TinyNet(3);

        var result = new Trainer(new TrainerOptions { Epochs = 10, BatchSize = 16, Patience = 2, Device = CPU })
            .Fit(model, split.Train, split.Validation, new FrozenLoss(), TestContext.Current.CancellationToken);

        Assert.True(result.StoppedEarly);
        Assert.Equal(3, result.Epochs.Count);
        Assert.Equal(1, result.BestEpoch);
    }

    [Fact]
    public void Fit_ValidationGetsWorse_RestoresTheBestEpochsWeights()
    {
        var split = HoldoutSplit.Stratified(ToneData.Create(40), 0.25, 3);
        using var model = new TinyNet(3);
        var loader = new BatchLoader(split.Train, 16, InputNormalizer.Default);
        var loss = new AscentAfterLoss(stepsBeforeAscent: 3 * loader.BatchCount);

        var result = new Trainer(new TrainerOptions { Epochs = 6, BatchSize = 16, LearningRate = 0.02, Schedule = LearningRateSchedule.Constant, Device = CPU })
            .Fit(model, split.Train, split.Validation, loss, TestContext.Current.CancellationToken);
        var (_, accuracyNow) = Trainer.Evaluate(model, new BatchLoader(split.Validation, 64, InputNormalizer.Default), CPU, TestContext.Current.CancellationToken);

        // Best = highest validation accuracy, ties broken by the lower validation loss.
        var best = result.Epochs.OrderByDescending(e => e.ValAccuracy).ThenBy(e => e.ValLoss).First();
        Assert.True(result.Epochs[^1].ValAccuracy < best.ValAccuracy, "the ascent epochs should hurt validation accuracy");
        Assert.Equal(best.Epoch, result.BestEpoch);
        Assert.Equal(best.ValAccuracy, result.BestValAccuracy);
        Assert.Equal(best.ValAccuracy!.Value, accuracyNow, 6);
    }

    [Fact]
    public void Fit_ManyEpochs_KeepsLiveTensorCountFlat()
    {
        var data = ToneData.Create(30);
        using var model = new TinyNet(3);
        var validation = ToneData.Create(5, seed: 9);
        var stats = DisposeScopeManager.Statistics;

        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 8, Device = CPU }).Fit(model, data, validation, cancellationToken: TestContext.Current.CancellationToken);
        var afterOne = stats.ThreadTotalLiveCount;
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 8, Device = CPU }).Fit(model, data, validation, cancellationToken: TestContext.Current.CancellationToken);
        var afterTwo = stats.ThreadTotalLiveCount;
        var result = new Trainer(new TrainerOptions { Epochs = 8, BatchSize = 8, Device = CPU }).Fit(model, data, validation, cancellationToken: TestContext.Current.CancellationToken);
        var afterTen = stats.ThreadTotalLiveCount;

        // 12 steps per epoch, each creating dozens of tensors: any per-step leak would show up as hundreds.
        Assert.Equal(8, result.Epochs.Count);
        Assert.Equal(afterOne, afterTwo);
        Assert.Equal(afterTwo, afterTen);
    }

    [Fact]
    public void Fit_WithLogPath_WritesEveryEpochAsSnakeCaseJson()
    {
        var split = HoldoutSplit.Stratified(ToneData.Create(20), 0.25, 3);
        using var model = new TinyNet(3);
        var log = Path.Combine(_folder, "logs", "train.json");

        new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 16, LogPath = log, Device = CPU }).Fit(model, split.Train, split.Validation, cancellationToken: TestContext.Current.CancellationToken);

        var json = JsonNode.Parse(File.ReadAllText(log))!;
        var epochs = json["epochs"]!.AsArray();
        Assert.Equal(3, epochs.Count);
        Assert.True((bool)json["finished"]!);
        Assert.Equal(split.Train.Count, (int)json["train_samples"]!);
        foreach (var key in new[] { "epoch", "lr", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "seconds", "samples_per_second" })
        {
            Assert.NotNull(epochs[2]![key]);
        }

        Assert.Equal(3, (int)epochs[2]!["epoch"]!);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(log)!));
    }

    [Fact]
    public void Fit_CancelledToken_ThrowsOperationCanceled()
    {
        using var model = new TinyNet(3);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Trainer(new TrainerOptions { Epochs = 2, Device = CPU }).Fit(model, ToneData.Create(10), cancellationToken: cancel.Token));
    }

    [Fact]
    public void Fit_PatienceWithoutValidation_ThrowsArgumentException()
    {
        using var model = new TinyNet(3);

        var error = Assert.Throws<ArgumentException>(() =>
            new Trainer(new TrainerOptions { Epochs = 2, Patience = 1, Device = CPU }).Fit(model, ToneData.Create(10), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("validation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LossFunction_ReceivesIndicesOfTheTrainingSet()
    {
        var data = ToneData.Create(10);
        using var model = new TinyNet(3);
        var recorder = new RecordingLoss(data);

        new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 7, Device = CPU }).Fit(model, data, loss: recorder, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2 * data.Count, recorder.Seen.Count);
        Assert.Equal(Enumerable.Range(0, data.Count), recorder.Seen.Distinct().Order());
    }

    [Theory]
    [InlineData(LearningRateSchedule.Constant, 0, 0.1)]
    [InlineData(LearningRateSchedule.Constant, 9, 0.1)]
    [InlineData(LearningRateSchedule.Cosine, 0, 0.1)]
    [InlineData(LearningRateSchedule.Cosine, 5, 0.05)]
    [InlineData(LearningRateSchedule.Step, 3, 0.1)]
    [InlineData(LearningRateSchedule.Step, 4, 0.01)]
    [InlineData(LearningRateSchedule.Step, 9, 0.001)]
    public void LearningRateAt_Schedule_FollowsItsFormula(LearningRateSchedule schedule, int epoch, double expected)
    {
        var options = new TrainerOptions { Epochs = 10, LearningRate = 0.1, Schedule = schedule, StepSize = 4, StepGamma = 0.1 };

        Assert.Equal(expected, options.LearningRateAt(epoch), 12);
    }

    private static (ModelWeights Weights, TrainingResult Result) Train(CloudEdge.Signals.Data.SignalDataset data, TrainerOptions options, long modelSeed)
    {
        using var model = new TinyNet(3, seed: modelSeed);
        var result = new Trainer(options).Fit(model, data, cancellationToken: TestContext.Current.CancellationToken);
        return (ModelWeights.FromModule(model), result);
    }

    /// <summary>A loss with zero gradient: the weights never change, so validation never improves.</summary>
    private sealed class FrozenLoss : ILossFunction
    {
        public Tensor Compute(Tensor logits, TensorBatch batch) => logits.sum() * 0;
    }

    /// <summary>Cross-entropy for the first steps, then its negative (gradient ascent) to make the model worse.</summary>
    private sealed class AscentAfterLoss(int stepsBeforeAscent) : ILossFunction
    {
        private int _steps;

        public Tensor Compute(Tensor logits, TensorBatch batch)
        {
            var ce = nn.functional.cross_entropy(logits, batch.Y);
            return _steps++ < stepsBeforeAscent ? ce : -ce;
        }
    }

    /// <summary>Checks that batch indices point at the samples of the batch and records them.</summary>
    private sealed class RecordingLoss(CloudEdge.Signals.Data.SignalDataset data) : ILossFunction
    {
        public List<int> Seen { get; } = [];

        public Tensor Compute(Tensor logits, TensorBatch batch)
        {
            var labels = batch.Y.data<long>().ToArray();
            for (var k = 0; k < batch.Count; k++)
            {
                Assert.Equal(data.Y[batch.Indices[k]], labels[k]);
            }

            Seen.AddRange(batch.Indices);
            return nn.functional.cross_entropy(logits, batch.Y);
        }
    }
}
