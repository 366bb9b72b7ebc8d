using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Evaluation;

/// <summary>Predicts a labelled dataset and scores it.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="data"/> (whose classes must be the model's, in order)
    /// and returns the <see cref="ClassificationReport"/>.
    /// </summary>
    public static ClassificationReport Evaluate(nn.Module<Tensor, Tensor> model, SignalDataset data, PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var predictions = Predictor.Predict(model, data, options, cancellationToken);
        if (data.Count > 0 && predictions.NumClasses != data.Classes.Count)
        {
            throw new InvalidOperationException($"the model outputs {predictions.NumClasses} classes but the data has {data.Classes.Count}");
        }

        return ClassificationReport.Compute(data.Classes, data.Y, predictions.Predicted, data.Snr);
    }
}
