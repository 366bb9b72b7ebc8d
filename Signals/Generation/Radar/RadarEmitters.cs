namespace CloudEdge.Signals.Generation.Radar;

/// <summary>
/// The seven emitters of the radar dataset, in <c>DatasetCatalog.Radar</c> class order. Names label archetypes
/// of the platforms' radars; the figures are synthetic (the real ones are not public) and scaled so that
/// several pulses fall in a 102 µs window. Designs overlap in pulse width, duty cycle and bandwidth on purpose:
/// pairs share a transmitter (0/1: APY-9 modes, 4/5: APY-10 modes) and differ by waveform, or share a waveform
/// family (0/4: LFM) and differ by sweep direction, PRI pattern and fingerprint.
/// </summary>
internal static class RadarEmitters
{
    private static readonly RadarEmitter Apy9 = new()
    {
        Modulation = IntraPulseModulation.LfmUp,
        PulseWidthUs = (6, 12),
        BandwidthMHz = (1.2, 3.0),
        Pri = PriPattern.Staggered,
        PriUs = (22, 32),
        StaggerRatios = [1, 1.13, 0.89],
        RfOffsetMHz = 0.2,
        FilterBandwidthMHz = 3.5,
        RiseTimeNs = 150,
        DroopPercent = 2,
        PhaseNoiseStd = 0.002,
        AmPmRad = 0.3,
        FrequencyPullKHz = 20,
    };

    private static readonly RadarEmitter Apy10 = new()
    {
        Modulation = IntraPulseModulation.LfmDown,
        PulseWidthUs = (6, 12),
        BandwidthMHz = (1.2, 3.0),
        Pri = PriPattern.Fixed,
        PriUs = (22, 32),
        RfOffsetMHz = 0.0,
        FilterBandwidthMHz = 3.8,
        RiseTimeNs = 100,
        DroopPercent = 1,
        PhaseNoiseStd = 0.0015,
        AmPmRad = 0.2,
        FrequencyPullKHz = 10,
    };

    public static IReadOnlyList<RadarEmitter> All { get; } =
    [
        // E-2D_APY-9: surveillance mode, up-chirp, 3-position stagger.
        Apy9,

        // E-2D_APY-9_HPRF: same transmitter, P4-coded pulses at a higher PRF.
        Apy9 with { Modulation = IntraPulseModulation.P4, CodeOrder = 16, ChipUs = (0.4, 0.65), Pri = PriPattern.Fixed, PriUs = (16, 24) },

        // P-3C_APS-115: magnetron, unmodulated short pulses, jittered PRI, non-coherent, slow edges, strong pulling.
        new()
        {
            Modulation = IntraPulseModulation.None,
            PulseWidthUs = (1.0, 2.5),
            Pri = PriPattern.Jittered,
            PriUs = (8, 14),
            JitterFraction = 0.10,
            RfOffsetMHz = -0.1,
            FilterBandwidthMHz = 2.5,
            RiseTimeNs = 300,
            DroopPercent = 6,
            PhaseNoiseStd = 0.01,
            AmPmRad = 0.6,
            FrequencyPullKHz = 400,
            Coherent = false,
            PulseFrequencyJitterKHz = 40,
        },

        // P-3C_APS-137: TWT, Barker-13, fixed PRI.
        new()
        {
            Modulation = IntraPulseModulation.Barker13,
            ChipUs = (0.5, 0.9),
            Pri = PriPattern.Fixed,
            PriUs = (20, 32),
            RfOffsetMHz = -0.3,
            FilterBandwidthMHz = 2.8,
            RiseTimeNs = 250,
            DroopPercent = 4,
            PhaseNoiseStd = 0.006,
            AmPmRad = 0.5,
            FrequencyPullKHz = -30,
        },

        // P-8A_APY-10: maritime surveillance, down-chirp, fixed PRI.
        Apy10,

        // P-8A_APY-10_ISAR: same transmitter, Frank-16 code, 2-position stagger.
        Apy10 with { Modulation = IntraPulseModulation.Frank, CodeOrder = 4, ChipUs = (0.45, 0.8), Pri = PriPattern.Staggered, PriUs = (18, 28), StaggerRatios = [1, 1.2] },

        // P-8A_EW: low-probability-of-intercept emitter, Costas hopping, jittered PRI.
        new()
        {
            Modulation = IntraPulseModulation.Costas,
            ChipUs = (1.6, 2.4),
            Pri = PriPattern.Jittered,
            PriUs = (30, 42),
            JitterFraction = 0.08,
            RfOffsetMHz = 0.4,
            FilterBandwidthMHz = 3.5,
            RiseTimeNs = 120,
            DroopPercent = 0.5,
            PhaseNoiseStd = 0.003,
            AmPmRad = 0.15,
            FrequencyPullKHz = 0,
        },
    ];
}
