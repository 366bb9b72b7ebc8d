namespace CloudEdge.Signals.Generation.Rml2016;

/// <summary>
/// Parameters of the RadioML-2016 signal and channel model (DESIGN.md §5; T. O'Shea, N. West, "Radio Machine
/// Learning Dataset Generation with GNU Radio", GRCon 2016). The defaults reproduce that generator with the
/// nuisance parameters randomised per vector; tests switch parts off to check the modulations against theory.
/// </summary>
public sealed record Rml2016Settings
{
    /// <summary>Nominal samples per symbol (8 in RadioML 2016).</summary>
    public double SamplesPerSymbol { get; init; } = 8;

    /// <summary>Smallest RRC roll-off drawn per vector (PSK/QAM).</summary>
    public double RollOffMin { get; init; } = 0.25;

    /// <summary>Largest RRC roll-off drawn per vector (PSK/QAM); RadioML uses 0.35, the middle of the default range.</summary>
    public double RollOffMax { get; init; } = 0.45;

    /// <summary>
    /// Largest relative sample-clock offset (uniform ±): the symbol period in samples becomes
    /// SamplesPerSymbol·(1 + ε). RadioML's clock model drifts up to 50 Hz at 200 kHz (250 ppm); the default
    /// 2000 ppm is wider so that a model does not learn one exact clock.
    /// </summary>
    public double MaxSampleRateOffset { get; init; } = 0.002;

    /// <summary>Largest carrier-frequency offset in cycles per sample (uniform ±; 500 Hz at 200 kHz = 0.0025).</summary>
    public double MaxCarrierOffset { get; init; } = 0.0025;

    /// <summary>Whether the 3-path Rician channel is applied (else a single unit path).</summary>
    public bool Fading { get; init; } = true;

    /// <summary>Rician K factor of every path (LOS to scattered power ratio).</summary>
    public double RicianK { get; init; } = 4;

    /// <summary>Path delays in samples.</summary>
    public IReadOnlyList<double> PathDelays { get; init; } = [0, 0.9, 1.7];

    /// <summary>Path amplitude gains.</summary>
    public IReadOnlyList<double> PathGains { get; init; } = [1, 0.8, 0.3];

    /// <summary>Whether the carrier phase is uniform in [0, 2π) (else 0).</summary>
    public bool RandomPhase { get; init; } = true;

    /// <summary>Whether the vector starts at a uniform random time within a symbol (else on a symbol instant).</summary>
    public bool RandomTiming { get; init; } = true;

    /// <summary>GMSK Gaussian filter time-bandwidth product.</summary>
    public double GmskBt { get; init; } = 0.3;

    /// <summary>GMSK modulation index.</summary>
    public double GmskModulationIndex { get; init; } = 0.5;
}
