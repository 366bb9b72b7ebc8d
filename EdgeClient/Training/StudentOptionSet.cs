using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Training;

/// <summary>The options every student-training command shares (kd, baseline, federated), with the reference's names.</summary>
internal sealed class StudentOptionSet
{
    public Option<int> EdgeId { get; } = Opt.Create("--edge-id", "this edge's id (1-based; selects edge_{id}_data.npz)", 1).Check(v => v >= 1, "must be ≥ 1");

    public Option<string> DatasetType { get; } = Opt.Create("--dataset-type", "dataset: rml2016, link11 or radar", "rml2016").OneOf([.. DatasetCatalog.Ids]);

    public Option<string> DataDir { get; } = Opt.Create("--data-dir", "split folder (data/{dataset}) or its parent (data)", "data");

    public Option<int?> NumClasses { get; } = Opt.Optional<int?>("--num-classes", "expected number of classes (checked against the data and the teacher)");

    public Option<string?> EdgeModel { get; } = Opt.Optional<string>("--edge-model", "student preset (default: real_resnet20_{dataset})");

    public Option<int> BatchSize { get; } = Opt.Create("--batch-size", "training batch size", 64).Check(v => v > 0, "must be positive");

    public Option<int> Epochs { get; } = Opt.Create("--epochs", "training epochs", 50).Check(v => v > 0, "must be positive");

    public Option<double> LearningRate { get; } = Opt.Create("--learning-rate", "Adam learning rate", 0.001, "--lr").Check(v => v > 0 && double.IsFinite(v), "must be a positive number");

    public Option<double> Width { get; } = Opt.Create("--width", "student width multiplier (1 = 16/32/64 channels)", 1.0).Check(v => v > 0 && v <= ModelSpec.MaxWidth, "must be in (0, 8]");

    public Option<string?> Depth { get; } = Opt.Optional<string>("--depth", "blocks per stage, e.g. 1,1,1 (default 3,3,3)");

    public Option<long> Seed { get; } = Opt.Create("--seed", "seed of the shared initial student weights (same on every edge) and of shuffling", 42L);

    public Option<double> ValRatio { get; } = Opt.Create("--val-ratio", "share of the edge's data held out for validation (0 = none)", 0.1).Check(v => v is >= 0 and < 1, "must be in [0, 1)");

    public Option<string> ModelsDir { get; } = Opt.Create("--models-dir", "where models are written (models/edge/{dataset}/...)", "models");

    public Option<string> Device { get; } = Opt.Create("--device", "auto, cpu, cuda or cuda:N", "auto");

    public IEnumerable<Option> All => [EdgeId, DatasetType, DataDir, NumClasses, EdgeModel, BatchSize, Epochs, LearningRate, Width, Depth, Seed, ValRatio, ModelsDir, Device];

    public StudentSettings Read(ParseResult parse)
    {
        var dataset = DatasetCatalog.Get(parse.GetValue(DatasetType)!);
        var preset = parse.GetValue(EdgeModel) ?? ModelRegistry.PresetName(ModelArchitectures.RealResNet20, dataset);
        var depth = Opt.PositiveIntList(parse.GetValue(Depth), "--depth");
        try
        {
            ModelRegistry.Resolve(preset, dataset, null, parse.GetValue(Width), depth);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--edge-model/--width/--depth: {e.Message}", e);
        }

        var trainer = new TrainerOptions
        {
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            LearningRate = parse.GetValue(LearningRate),
            Seed = parse.GetValue(Seed) + parse.GetValue(EdgeId),
            Device = TorchRuntime.ParseDevice(parse.GetValue(Device)),
        };
        trainer.Validate();
        return new StudentSettings(parse.GetValue(EdgeId), dataset, preset, parse.GetValue(DataDir)!, parse.GetValue(NumClasses),
            parse.GetValue(Width), depth, parse.GetValue(Seed), parse.GetValue(ValRatio), parse.GetValue(ModelsDir)!, trainer);
    }
}
