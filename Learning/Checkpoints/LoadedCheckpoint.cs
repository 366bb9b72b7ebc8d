using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Checkpoints;

/// <summary>A checkpoint read from disk and validated: its metadata and weights.</summary>
/// <param name="Path">File it was read from.</param>
/// <param name="Metadata">Validated metadata.</param>
/// <param name="Weights">Weights, already checked for finite values.</param>
public sealed record LoadedCheckpoint(string Path, CheckpointMetadata Metadata, ModelWeights Weights)
{
    /// <summary>
    /// Builds the model from <see cref="CheckpointMetadata.Model"/> with <see cref="Models.ModelRegistry"/>, loads
    /// the weights, moves it to <paramref name="device"/> (CPU when null) and switches it to eval mode.
    /// </summary>
    public nn.Module<Tensor, Tensor> CreateModel(Device? device = null) =>
        CreateModel(spec => Models.ModelRegistry.Create(spec, 0), device);

    /// <summary>
    /// Builds the model with <paramref name="factory"/> from <see cref="CheckpointMetadata.Model"/>, loads the
    /// weights, moves it to <paramref name="device"/> (CPU when null) and switches it to eval mode.
    /// </summary>
    public nn.Module<Tensor, Tensor> CreateModel(Func<Models.ModelSpec, nn.Module<Tensor, Tensor>> factory, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var model = factory(Metadata.Model);
        try
        {
            Weights.LoadInto(model);
        }
        catch (InvalidDataException e)
        {
            model.Dispose();
            throw new InvalidDataException($"checkpoint '{Path}': {e.Message}", e);
        }

        if (device is not null)
        {
            model.to(device);
        }

        model.eval();
        return model;
    }
}
