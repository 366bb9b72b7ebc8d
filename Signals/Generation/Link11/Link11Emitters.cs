namespace CloudEdge.Signals.Generation.Link11;

/// <summary>
/// The seven emitters of the link11 dataset, in <c>DatasetCatalog.Link11</c> class order. Airframes of one
/// platform carry the same radio generation, so their fingerprints differ by unit-to-unit spread only
/// (P-3C: legacy radios, larger imbalance, phase noise and softer PAs; E-2D / P-8A: modern ones).
/// The values are synthetic but within the ranges reported for HF transmitters in the RF-fingerprinting
/// literature (image rejection 20–40 dB, carrier leakage −25 … −45 dBc, frequency error within ±1 ppm at HF).
/// </summary>
internal static class Link11Emitters
{
    public static IReadOnlyList<Link11Emitter> All { get; } =
    [
        // E-2D_1
        new(CarrierOffsetHz: 3.0, IqGainDb: 0.30, IqPhaseDeg: 1.5, LoLeakageDb: -38, PhaseNoiseStd: 0.004, PaSmoothness: 3.0, PaBackoffDb: 5.0, PaAmPm: 0.05, TiltDb: -0.5, RippleDb: 0.6, RipplePeriodTones: 5, RipplePhase: 0.0, TransitionMs: 0.40),
        // E-2D_2
        new(CarrierOffsetHz: -4.0, IqGainDb: 0.55, IqPhaseDeg: -1.0, LoLeakageDb: -34, PhaseNoiseStd: 0.005, PaSmoothness: 2.6, PaBackoffDb: 4.5, PaAmPm: 0.08, TiltDb: 0.3, RippleDb: 0.9, RipplePeriodTones: 7, RipplePhase: 1.5, TransitionMs: 0.40),
        // P-3C_1
        new(CarrierOffsetHz: 9.0, IqGainDb: 1.10, IqPhaseDeg: 3.5, LoLeakageDb: -28, PhaseNoiseStd: 0.012, PaSmoothness: 1.6, PaBackoffDb: 4.2, PaAmPm: 0.20, TiltDb: -1.0, RippleDb: 1.3, RipplePeriodTones: 4, RipplePhase: 2.5, TransitionMs: 1.00),
        // P-3C_2
        new(CarrierOffsetHz: -10.0, IqGainDb: 0.80, IqPhaseDeg: -4.0, LoLeakageDb: -30, PhaseNoiseStd: 0.016, PaSmoothness: 1.8, PaBackoffDb: 4.5, PaAmPm: 0.15, TiltDb: -0.7, RippleDb: 1.6, RipplePeriodTones: 6, RipplePhase: 4.0, TransitionMs: 1.20),
        // P-8A_1
        new(CarrierOffsetHz: -1.0, IqGainDb: 0.20, IqPhaseDeg: -2.0, LoLeakageDb: -40, PhaseNoiseStd: 0.003, PaSmoothness: 4.0, PaBackoffDb: 5.5, PaAmPm: 0.03, TiltDb: 0.6, RippleDb: 0.4, RipplePeriodTones: 9, RipplePhase: 3.0, TransitionMs: 0.25),
        // P-8A_2
        new(CarrierOffsetHz: 6.0, IqGainDb: 0.40, IqPhaseDeg: 2.5, LoLeakageDb: -36, PhaseNoiseStd: 0.003, PaSmoothness: 3.5, PaBackoffDb: 5.2, PaAmPm: 0.06, TiltDb: 0.0, RippleDb: 0.7, RipplePeriodTones: 3, RipplePhase: 5.0, TransitionMs: 0.30),
        // P-8A_3
        new(CarrierOffsetHz: 0.0, IqGainDb: 0.65, IqPhaseDeg: 0.5, LoLeakageDb: -33, PhaseNoiseStd: 0.006, PaSmoothness: 3.0, PaBackoffDb: 5.0, PaAmPm: 0.10, TiltDb: 0.9, RippleDb: 0.5, RipplePeriodTones: 5, RipplePhase: 2.0, TransitionMs: 0.30),
    ];
}
