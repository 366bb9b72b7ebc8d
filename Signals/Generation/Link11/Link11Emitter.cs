namespace CloudEdge.Signals.Generation.Link11;

/// <summary>
/// Transmitter fingerprint of one Link-11 emitter (class values; each vector varies them slightly).
/// </summary>
/// <param name="CarrierOffsetHz">Frequency error of the transmitter's synthesiser, Hz.</param>
/// <param name="IqGainDb">Quadrature-modulator amplitude imbalance, dB.</param>
/// <param name="IqPhaseDeg">Quadrature-modulator phase error, degrees.</param>
/// <param name="LoLeakageDb">Carrier (LO) leakage relative to the RMS level, dB.</param>
/// <param name="PhaseNoiseStd">Wiener phase-noise increment per sample at 8 kHz, radians.</param>
/// <param name="PaSmoothness">Rapp smoothness p of the power amplifier.</param>
/// <param name="PaBackoffDb">Input back-off of the PA: saturation level above the RMS drive, dB.</param>
/// <param name="PaAmPm">AM/PM conversion α at saturation, radians.</param>
/// <param name="TiltDb">Tone-level tilt across the band (605 → 2915 Hz), dB.</param>
/// <param name="RippleDb">Peak tone-level ripple of the audio chain, dB.</param>
/// <param name="RipplePeriodTones">Ripple period in tone spacings.</param>
/// <param name="RipplePhase">Ripple phase, radians.</param>
/// <param name="TransitionMs">Duration of the modem's frame-to-frame phase transition, ms.</param>
internal sealed record Link11Emitter(
    double CarrierOffsetHz,
    double IqGainDb,
    double IqPhaseDeg,
    double LoLeakageDb,
    double PhaseNoiseStd,
    double PaSmoothness,
    double PaBackoffDb,
    double PaAmPm,
    double TiltDb,
    double RippleDb,
    double RipplePeriodTones,
    double RipplePhase,
    double TransitionMs);
