namespace CloudEdge.Signals.Generation.Dsp;

/// <summary>How a finished vector is scaled.</summary>
internal enum VectorNormalization
{
    /// <summary>Σ|xₙ| = 1 over the complex samples, as the RML2016.10a vectors and the fixtures are.</summary>
    L1,

    /// <summary>Mean |xₙ|² = 1.</summary>
    UnitPower,
}
