using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>
/// The edge's model during federated learning: loads a global model, trains it locally for the round's epochs
/// (<see cref="Trainer.Fit"/>, cross-entropy or the KD objective, plus FedProx's proximal term when mu &gt; 0) and
/// evaluates global models on the edge's validation part and the common test set.
/// </summary>
internal sealed class LocalTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly TrainerOptions _options;
    private readonly SignalDataset _train;
    private readonly SignalDataset? _validation;
    private readonly SignalDataset? _test;
    private readonly ILossFunction _loss;

    /// <param name="spec">The model every edge of the federation trains.</param>
    /// <param name="options">Trainer settings (batch size, seed, device, normalisation); epochs and rate come per round.</param>
    /// <param name="train">The edge's training part.</param>
    /// <param name="validation">The edge's held-out part, or null.</param>
    /// <param name="test">The common test set (already in the model's classes), or null.</param>
    /// <param name="loss">The local objective (null = cross-entropy).</param>
    public LocalTrainer(ModelSpec spec, TrainerOptions options, SignalDataset train, SignalDataset? validation, SignalDataset? test, ILossFunction? loss)
    {
        _model = ModelRegistry.Create(spec, options.Seed);
        _model.to(options.Device ?? TorchRuntime.DefaultDevice);
        (_options, _train, _validation, _test, _loss) = (options, train, validation, test, loss ?? CrossEntropyLossFunction.Instance);
    }

    public int TrainCount => _train.Count;

    /// <summary>Accuracy of <paramref name="weights"/> on the validation part and on the test set (null where there is none).</summary>
    public (double? Val, double? Test) Evaluate(ModelWeights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.LoadInto(_model);
        var predict = new PredictOptions { BatchSize = Math.Max(256, _options.BatchSize), Normalization = _options.Normalization };
        double? Score(SignalDataset? data) => data is { Count: > 0 } ? ModelEvaluator.Evaluate(_model, data, predict, cancellationToken).OverallAccuracy : null;
        return (Score(_validation), Score(_test));
    }

    /// <summary>
    /// Trains from <paramref name="global"/> for <paramref name="epochs"/> epochs at a constant <paramref name="learningRate"/>
    /// (a fresh Adam per round, reshuffled per round) and returns the new weights with the trainer's result.
    /// </summary>
    public (ModelWeights Weights, TrainingResult Result) Train(ModelWeights global, int round, int epochs, double learningRate, double mu, ITrainingProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(global);
        global.LoadInto(_model);
        var options = _options with
        {
            Epochs = epochs,
            LearningRate = learningRate,
            Schedule = LearningRateSchedule.Constant,
            RestoreBest = false,
            Patience = null,
            LogPath = null,
            Seed = _options.Seed + (7919L * round),
        };
        var trainer = new Trainer(options, progress);
        TrainingResult result;
        if (mu > 0)
        {
            using var proximal = new FedProxLoss(_loss, _model, global, mu);
            result = trainer.Fit(_model, _train, _validation, proximal, cancellationToken);
        }
        else
        {
            result = trainer.Fit(_model, _train, _validation, _loss, cancellationToken);
        }

        return (ModelWeights.FromModule(_model), result);
    }

    /// <summary>Writes <paramref name="weights"/> as a checkpoint (atomically) with <paramref name="metadata"/>.</summary>
    public void Save(string path, CheckpointMetadata metadata, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.LoadInto(_model);
        Checkpoint.Save(path, metadata, _model);
    }

    public void Dispose() => _model.Dispose();
}
