namespace CloudEdge.Signals.Wire;

/// <summary>The kinds of frame on the device ↔ edge ↔ cloud wire.</summary>
public enum FrameKind : byte
{
    /// <summary>A batch of IQ samples with their ids, labels, SNRs and send times.</summary>
    Samples = 1,

    /// <summary>End of a device's stream, carrying the number of samples it sent.</summary>
    EndOfStream = 2,

    /// <summary>Answers for a batch: per-sample prediction and confidence (cloud → device in mode B).</summary>
    Results = 3,
}
