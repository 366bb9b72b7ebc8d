namespace CloudEdge.Signals.Generation.Link11;

/// <summary>Parameters of the Link-11 CLEW signal, transmitter and channel model (see docs/signals.md).</summary>
public sealed record Link11Settings
{
    /// <summary>Complex sample rate in Hz. 8 kHz holds the CLEW band (605 … 2915 Hz) and its image (IQ imbalance) without aliasing.</summary>
    public double SampleRate { get; init; } = 8000;

    /// <summary>Level of the 605 Hz Doppler tone (and of the two preamble tones) above one data tone, dB.</summary>
    public double DopplerToneLevelDb { get; init; } = 6;

    /// <summary>Probability that a vector is sent at the fast frame rate (75 frames/s) rather than the slow one (45.45 frames/s).</summary>
    public double FastRateProbability { get; init; } = 0.75;

    /// <summary>Data frames after the 5-frame preamble and the phase-reference frame; a vector starts at a uniform frame position of the message.</summary>
    public int DataFrames { get; init; } = 24;

    /// <summary>Whether the emitters' transmitter fingerprints are applied (false = an ideal transmitter, for tests).</summary>
    public bool Fingerprints { get; init; } = true;

    /// <summary>Scale of the per-vector variation of every fingerprint parameter around its class value (1 = nominal).</summary>
    public double FingerprintJitter { get; init; } = 1;

    /// <summary>Whether the HF channel (second sky-wave path, Doppler, receiver tuning offset) is applied.</summary>
    public bool Channel { get; init; } = true;

    /// <summary>Receiver tuning error plus ionospheric Doppler, uniform ± this many Hz (a nuisance common to all classes).</summary>
    public double MaxTuningOffsetHz { get; init; } = 8;

    /// <summary>Probability of a second (weaker, delayed) sky-wave path.</summary>
    public double SecondPathProbability { get; init; } = 0.8;
}
