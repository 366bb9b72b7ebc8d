namespace CloudEdge.Learning.Data;

/// <summary>
/// How an IQ vector is scaled before it enters a model. Recorded in every checkpoint so that training,
/// evaluation and serving scale inputs the same way.
/// </summary>
public enum InputNormalization
{
    /// <summary>Samples are used as stored.</summary>
    None,

    /// <summary>
    /// Each sample is divided by its RMS magnitude, <c>sqrt(mean(I² + Q²))</c>, so its average power is 1.
    /// Makes data from different sources (RadioML's L1-normalised vectors, generators, live devices) comparable.
    /// </summary>
    UnitPower,
}
