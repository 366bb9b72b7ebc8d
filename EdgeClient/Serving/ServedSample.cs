using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Everything recorded about one served sample: the truth (label, SNR), times, the student's answer and
/// confidence, and — when it was routed to the cloud — the teacher's answer. The per-threshold results are
/// computed from these records after the run (<see cref="ThresholdEvaluator"/>). Cloud fields are written once
/// by the cloud dispatcher and read after it has finished.
/// </summary>
public sealed class ServedSample
{
    public long Id { get; init; }

    public string DeviceId { get; init; } = string.Empty;

    /// <summary>True class as an index into the model's classes; −1 = unknown.</summary>
    public int Label { get; init; } = -1;

    /// <summary>SNR in dB, or <see cref="WireFormat.UnknownSnr"/>.</summary>
    public int Snr { get; init; } = WireFormat.UnknownSnr;

    /// <summary>When the device sent it (µs since the Unix epoch, device clock).</summary>
    public long SentAtMicros { get; init; }

    /// <summary>When the edge accepted its frame.</summary>
    public long ReceivedAtMicros { get; init; }

    /// <summary>The student's prediction (model class index).</summary>
    public int EdgePrediction { get; init; }

    /// <summary>The student's confidence score (see <see cref="ConfidenceKind"/>).</summary>
    public float Confidence { get; init; }

    /// <summary>When the student's answer was ready.</summary>
    public long EdgeAnsweredAtMicros { get; init; }

    /// <summary>Bytes of IQ payload this sample costs on the link to the cloud.</summary>
    public int PayloadBytes { get; init; }

    /// <summary>The adaptive threshold in force when the sample was routed (NaN without adaptive routing).</summary>
    public float AdaptiveThreshold { get; init; } = float.NaN;

    /// <summary>Whether the adaptive controller routed it to the cloud.</summary>
    public bool AdaptiveToCloud { get; init; }

    /// <summary>Whether it was handed to the cloud dispatcher (confidence below the largest threshold, or adaptive).</summary>
    public bool SentToCloud { get; init; }

    public CloudOutcome Cloud { get; set; }

    /// <summary>The teacher's prediction (model class index) when <see cref="Cloud"/> is <see cref="CloudOutcome.Answered"/>; else −1.</summary>
    public int CloudPrediction { get; set; } = -1;

    /// <summary>When the cloud answered, failed or was skipped.</summary>
    public long CloudDoneAtMicros { get; set; }

    /// <summary>The final answer if it is routed to the cloud: the teacher's, or the student's when the cloud failed.</summary>
    public int CloudRoutedPrediction => Cloud == CloudOutcome.Answered ? CloudPrediction : EdgePrediction;

    /// <summary>When the final answer was known if it is routed to the cloud.</summary>
    public long CloudRoutedDoneAtMicros => Cloud == CloudOutcome.None ? EdgeAnsweredAtMicros : CloudDoneAtMicros;

    /// <summary>Whether a cloud-routed answer fell back to the edge.</summary>
    public bool Degraded => Cloud is CloudOutcome.Failed or CloudOutcome.Skipped or CloudOutcome.None;
}
