namespace CloudEdge.Signals.Generation.Radar;

/// <summary>Parameters of the radar pulse-train, transmitter and channel model (see docs/signals.md).</summary>
public sealed record RadarSettings
{
    /// <summary>Complex sample rate of the intercept receiver, Hz (10 MHz: L = 1024 spans 102.4 µs).</summary>
    public double SampleRate { get; init; } = 10e6;

    /// <summary>Whether the transmitter fingerprints are applied (false = ideal rectangular pulses on the nominal carrier, for tests).</summary>
    public bool Fingerprints { get; init; } = true;

    /// <summary>Whether the channel (sea-surface reflection, receiver tuning offset, random phase) is applied.</summary>
    public bool Channel { get; init; } = true;

    /// <summary>Receiver tuning offset (the emitter's carrier relative to the receiver's channel centre), uniform ± Hz.</summary>
    public double MaxTuningOffsetHz { get; init; } = 0.8e6;

    /// <summary>Probability of a surface-reflected second path.</summary>
    public double ReflectionProbability { get; init; } = 0.7;

    /// <summary>Scale of the per-vector variation of the fingerprint parameters (1 = nominal).</summary>
    public double FingerprintJitter { get; init; } = 1;
}
