using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>The edge's student model loaded from a checkpoint, classifying whole micro-batches in one forward pass.</summary>
public sealed class StudentClassifier : IEdgeClassifier, IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly ConfidenceKind _kind;

    public StudentClassifier(LoadedCheckpoint checkpoint, ConfidenceKind kind, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Checkpoint = checkpoint;
        _kind = kind;
        _model = checkpoint.CreateModel(device);
    }

    public LoadedCheckpoint Checkpoint { get; }

    public CheckpointMetadata Metadata => Checkpoint.Metadata;

    public int InputLength => Metadata.InputLength;

    /// <summary>The underlying model (for a bare forward-pass benchmark).</summary>
    public nn.Module<Tensor, Tensor> Model => _model;

    /// <summary>
    /// Loads the edge model for <paramref name="dataset"/>: a checkpoint for another dataset, or with another class
    /// count than <paramref name="numClasses"/>, is a clear error naming the file.
    /// </summary>
    public static StudentClassifier Load(string path, DatasetInfo dataset, int? numClasses, ConfidenceKind kind, Device? device = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(dataset);
        var checkpoint = Learning.Checkpoints.Checkpoint.Load(path, new CheckpointExpectation(Dataset: dataset.Id));
        if (numClasses is { } n && n != checkpoint.Metadata.Classes.Count)
        {
            throw new ArgumentException($"--num-classes is {n} but the edge model '{path}' has {checkpoint.Metadata.Classes.Count} classes");
        }

        return new StudentClassifier(checkpoint, kind, device);
    }

    public EdgeOutput Classify(float[] iq, int count)
    {
        ArgumentNullException.ThrowIfNull(iq);
        var size = 2 * InputLength;
        var needs = ConfidenceScores.NeedsProbabilities(_kind);
        var predictions = Predictor.Predict(_model, iq.AsSpan(0, count * size), InputLength, new PredictOptions
        {
            BatchSize = Math.Max(1, count),
            Normalization = Metadata.Normalization,
            KeepProbabilities = needs,
        });
        var classes = predictions.NumClasses;
        var predicted = new int[count];
        var confidence = needs ? new float[count] : predictions.Confidence;
        for (var i = 0; i < count; i++)
        {
            predicted[i] = (int)predictions.Predicted[i];
            if (needs)
            {
                confidence[i] = ConfidenceScores.Score(_kind, predictions.Probabilities.AsSpan(i * classes, classes));
            }
        }

        return new EdgeOutput(predicted, confidence);
    }

    public void Dispose() => _model.Dispose();
}
