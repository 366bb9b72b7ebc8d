using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;

namespace CloudEdge.Learning.Training;

/// <summary>What <see cref="SupervisedTraining.Run"/> produced.</summary>
/// <param name="Metadata">Metadata of the written checkpoint.</param>
/// <param name="Training">The trainer's result.</param>
/// <param name="Metrics">The metrics written next to the checkpoint (incl. the test report).</param>
public sealed record SupervisedOutcome(CheckpointMetadata Metadata, TrainingResult Training, TrainingMetrics Metrics);
