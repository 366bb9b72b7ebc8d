using System.Globalization;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>
/// Runs a <see cref="SupervisedJob"/>: resolve the model from the registry, hold out a stratified validation
/// part, train with <see cref="Trainer"/>, score the test data, write checkpoint, metrics and epoch log.
/// </summary>
public static class SupervisedTraining
{
    /// <summary>The model spec of a job: the preset on the data's classes and length with the job's size knobs.</summary>
    public static ModelSpec ResolveSpec(string preset, string dataset, SignalDataset data, double width = 1.0, IReadOnlyList<int>? depth = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var info = DatasetCatalog.Get(dataset);
        if (data.Name is { Length: > 0 } name && DatasetCatalog.TryGet(name, out var named) && named.Id != info.Id)
        {
            throw new ArgumentException($"the data is a {named.Id} dataset but the dataset type is {info.Id}");
        }

        var onData = info with { Classes = data.Classes, DefaultLength = data.Length };
        return ModelRegistry.Resolve(preset, onData, data.Length, width, depth);
    }

    /// <summary>Runs the job (see the class summary). Bad inputs throw <see cref="ArgumentException"/>.</summary>
    public static SupervisedOutcome Run(SupervisedJob job, ITrainingProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.ValRatio is < 0 or >= 1)
        {
            throw new ArgumentException($"validation ratio must lie in [0, 1) (got {job.ValRatio})");
        }

        var spec = ResolveSpec(job.Preset, job.Dataset, job.Data, job.Width, job.Depth);
        var preset = ModelRegistry.PresetName(spec.Architecture, DatasetCatalog.Get(job.Dataset));
        var test = job.Test is null ? null : PrepareTest(job.Test, job.Data);
        var train = job.Data;
        SignalDataset? validation = null;
        if (job.ValRatio > 0)
        {
            var split = HoldoutSplit.Stratified(job.Data, job.ValRatio, job.Trainer.Seed);
            (train, validation) = (split.Train, split.Validation);
        }

        var options = job.Trainer with { LogPath = job.Trainer.LogPath ?? job.LogPath };
        using var model = ModelRegistry.Create(spec, job.ModelSeed ?? options.Seed);
        if (job.InitialCheckpoint is { } initial)
        {
            StartFrom(model, spec, job, initial);
        }

        var result = new Trainer(options, progress).Fit(model, train, validation, job.LossFactory?.Invoke(train), cancellationToken);

        ClassificationReport? report = null;
        if (test is not null)
        {
            report = ModelEvaluator.Evaluate(model, test.Data, new PredictOptions { BatchSize = Math.Max(256, options.BatchSize), Normalization = options.Normalization }, cancellationToken)
                with { SkippedClasses = test.SkippedClasses.Count > 0 ? test.SkippedClasses : null };
        }

        var metadata = Checkpoint.Save(job.OutputPath, new CheckpointMetadata
        {
            Preset = preset,
            Model = spec,
            Dataset = DatasetCatalog.Get(job.Dataset).Id,
            Classes = [.. job.Data.Classes],
            InputLength = job.Data.Length,
            Normalization = options.Normalization,
            Training = result.ToSummary(options, job.Method) with { TestAccuracy = report?.OverallAccuracy },
        }, model);

        var metrics = new TrainingMetrics
        {
            Checkpoint = job.OutputPath,
            Dataset = metadata.Dataset,
            Preset = preset,
            Model = spec,
            Parameters = metadata.ParameterCount,
            ForwardFlopsPerSample = ModelRegistry.Describe(spec).ForwardFlops,
            TrainSamples = result.TrainSamples,
            ValSamples = result.ValSamples,
            TestSamples = report?.N ?? 0,
            EpochsRun = result.Epochs.Count,
            BestEpoch = result.BestEpoch,
            StoppedEarly = result.StoppedEarly,
            BestValAccuracy = result.BestValAccuracy,
            TestAccuracy = report?.OverallAccuracy,
            TestAccuracySnrGe10 = report?.AccuracyAtOrAbove(10),
            SamplesPerSecond = result.SamplesPerSecond,
            Seconds = result.Seconds,
            Device = result.Device,
            InitializedFrom = job.InitialCheckpoint,
            Test = report,
        };
        LearningJson.Write(job.MetricsPath, metrics);
        return new SupervisedOutcome(metadata, result, metrics);
    }

    /// <summary>Loads the weights of <paramref name="path"/> into <paramref name="model"/> after checking that it holds the job's model.</summary>
    private static void StartFrom(nn.Module<Tensor, Tensor> model, ModelSpec spec, SupervisedJob job, string path)
    {
        var loaded = Checkpoint.Load(path, new CheckpointExpectation(job.Dataset, job.Data.Classes, spec.Architecture, job.Data.Length));
        var from = loaded.Metadata.Model;
        if (from.Width != spec.Width || !from.StageDepths.SequenceEqual(spec.StageDepths))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint '{path}' holds width {from.Width}, depth {string.Join(",", from.StageDepths)} but the run trains width {spec.Width}, depth {string.Join(",", spec.StageDepths)}"));
        }

        loaded.Weights.LoadInto(model);
    }

    private static ClassSelection PrepareTest(SignalDataset test, SignalDataset data)
    {
        if (test.Length != data.Length)
        {
            throw new ArgumentException($"the test data has vectors of length {test.Length} but the training data {data.Length}");
        }

        return ClassSelection.Select(test, data.Classes);
    }
}
