namespace CloudEdge.Signals.Generation.Radar;

/// <summary>
/// One radar emitter: its pulse design (ranges are drawn uniformly per vector, as a radar switches between
/// variants of a mode) and its transmitter fingerprint (class values, varied slightly per vector).
/// </summary>
internal sealed record RadarEmitter
{
    public required IntraPulseModulation Modulation { get; init; }

    /// <summary>Pulse width range for unmodulated and LFM pulses, µs.</summary>
    public (double Min, double Max) PulseWidthUs { get; init; }

    /// <summary>LFM swept bandwidth range, MHz.</summary>
    public (double Min, double Max) BandwidthMHz { get; init; }

    /// <summary>Chip (or Costas hop) duration range, µs; the pulse width is chips × chip.</summary>
    public (double Min, double Max) ChipUs { get; init; }

    /// <summary>Code order: Frank M (M² chips), P4 length N; Barker is 13, Costas (Welch, p = 7) 6.</summary>
    public int CodeOrder { get; init; }

    public required PriPattern Pri { get; init; }

    /// <summary>Base PRI range, µs.</summary>
    public required (double Min, double Max) PriUs { get; init; }

    /// <summary>Stagger ratios (staggered PRI).</summary>
    public IReadOnlyList<double> StaggerRatios { get; init; } = [1];

    /// <summary>PRI jitter, ± fraction of the base PRI (jittered PRI).</summary>
    public double JitterFraction { get; init; }

    /// <summary>Carrier offset of the transmitter relative to the nominal channel, MHz.</summary>
    public double RfOffsetMHz { get; init; }

    /// <summary>Envelope rise / fall time, ns.</summary>
    public double RiseTimeNs { get; init; }

    /// <summary>3-dB bandwidth of the transmitter's output filter, MHz (rounds chip transitions and the envelope).</summary>
    public double FilterBandwidthMHz { get; init; } = 4;

    /// <summary>Amplitude droop over a pulse, percent.</summary>
    public double DroopPercent { get; init; }

    /// <summary>Wiener phase-noise increment per sample at 10 MHz, radians.</summary>
    public double PhaseNoiseStd { get; init; }

    /// <summary>Saleh AM/PM α of the output stage (phase moves with the envelope on the edges), radians.</summary>
    public double AmPmRad { get; init; }

    /// <summary>Unintended frequency drift over a pulse (supply droop, thermal pulling), kHz.</summary>
    public double FrequencyPullKHz { get; init; }

    /// <summary>Whether pulses are phase-coherent (amplifier chain) or start at a random phase (magnetron).</summary>
    public bool Coherent { get; init; } = true;

    /// <summary>Pulse-to-pulse carrier jitter of a non-coherent source, ± kHz.</summary>
    public double PulseFrequencyJitterKHz { get; init; }
}
