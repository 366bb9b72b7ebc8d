using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using Microsoft.Extensions.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Grains.Teacher;

/// <summary>
/// The silo's registered teachers: validated when the silo starts (each checkpoint loads and is for the dataset
/// it is registered under); hands each teacher grain activation its own model instance.
/// </summary>
public sealed class TeacherRegistry
{
    private readonly Dictionary<string, LoadedCheckpoint> _checkpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly InferencePrecision _precision;

    public TeacherRegistry(IOptions<TeacherOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        MaxBatch = value.MaxBatch > 0 ? value.MaxBatch : throw new ArgumentException($"Teachers:MaxBatch must be ≥ 1 (got {value.MaxBatch})");
        _precision = ModelPrecision.Parse(value.Precision);
        foreach (var (dataset, path) in value.Checkpoints)
        {
            if (!DatasetCatalog.TryGet(dataset, out var info))
            {
                throw new ArgumentException($"teacher registered for unknown dataset '{dataset}' (known: {string.Join(", ", DatasetCatalog.Ids)})");
            }

            _checkpoints[info.Id] = Checkpoint.Load(path, new CheckpointExpectation(Dataset: info.Id));
        }
    }

    public int MaxBatch { get; }

    public IReadOnlyCollection<string> Datasets => _checkpoints.Keys;

    /// <summary>The checkpoint of the teacher for <paramref name="dataset"/>; a clear error when there is none.</summary>
    public LoadedCheckpoint Get(string dataset) =>
        _checkpoints.TryGetValue(dataset, out var checkpoint) ? checkpoint
            : throw new ArgumentException(_checkpoints.Count == 0
                ? $"the cloud has no teacher for dataset '{dataset}': no teacher checkpoint is registered (start the silo with --cloud-model-path or --teachers-dir)"
                : $"the cloud has no teacher for dataset '{dataset}' (teachers: {string.Join(", ", _checkpoints.Keys)})");

    /// <summary>A new model instance for one activation, in eval mode at the configured precision.</summary>
    public nn.Module<Tensor, Tensor> CreateModel(string dataset)
    {
        var model = Get(dataset).CreateModel();
        model.eval();
        return ModelPrecision.ForInference(model, _precision);
    }
}
