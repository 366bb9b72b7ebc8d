using System.Text.Json.Serialization;

namespace CloudEdge.Learning.Training;

/// <summary>One epoch of a training run, as written to the JSON log.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="LearningRate">Rate used in this epoch (JSON <c>lr</c>).</param>
/// <param name="TrainLoss">Mean training objective over the epoch's samples.</param>
/// <param name="TrainAccuracy">Training accuracy (model in train mode, as the epoch ran).</param>
/// <param name="ValLoss">Mean cross-entropy on the validation set, when one is used.</param>
/// <param name="ValAccuracy">Validation accuracy, when a validation set is used.</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
/// <param name="SamplesPerSecond">Training throughput of the epoch (training steps only).</param>
public sealed record EpochRecord(
    int Epoch,
    [property: JsonPropertyName("lr")] double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double? ValLoss,
    double? ValAccuracy,
    double Seconds,
    double SamplesPerSecond);
