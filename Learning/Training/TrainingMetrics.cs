using System.Text.Json.Serialization;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Models;

namespace CloudEdge.Learning.Training;

/// <summary>The <c>.metrics.json</c> written next to a trained checkpoint (snake_case keys).</summary>
public sealed record TrainingMetrics
{
    public required string Checkpoint { get; init; }

    public required string Dataset { get; init; }

    public required string Preset { get; init; }

    public required ModelSpec Model { get; init; }

    public long Parameters { get; init; }

    /// <summary>Forward FLOPs per sample (analytic, <see cref="ModelRegistry.Describe"/>).</summary>
    public long ForwardFlopsPerSample { get; init; }

    /// <summary>Checkpoint the weights started from (<see cref="SupervisedJob.InitialCheckpoint"/>); null = a seeded initialisation.</summary>
    public string? InitializedFrom { get; init; }

    public int TrainSamples { get; init; }

    public int ValSamples { get; init; }

    public int TestSamples { get; init; }

    public int EpochsRun { get; init; }

    public int BestEpoch { get; init; }

    public bool StoppedEarly { get; init; }

    public double? BestValAccuracy { get; init; }

    /// <summary>Overall accuracy on the test data, when given.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Test accuracy over samples with SNR ≥ 10 dB, when SNRs are known.</summary>
    [JsonPropertyName("test_accuracy_snr_ge_10")]
    public double? TestAccuracySnrGe10 { get; init; }

    public double SamplesPerSecond { get; init; }

    public double Seconds { get; init; }

    public required string Device { get; init; }

    /// <summary>Full report on the test data (keys as <c>EdgeClient evaluate --json</c>).</summary>
    public ClassificationReport? Test { get; init; }
}
