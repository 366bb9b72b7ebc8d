namespace CloudEdge.Signals.Generation;

/// <summary>
/// What to synthesise: <see cref="SamplesPerClass"/> vectors of each class, their SNRs cycling through
/// <see cref="Snrs"/> (so every SNR gets an equal share, ±1), class-major order. Sample i draws all its
/// randomness from a generator derived from (<see cref="Seed"/>, i), so the result depends on the request
/// only, never on the number of threads.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>Vectors per class (≥ 1).</summary>
    public required int SamplesPerClass { get; init; }

    /// <summary>SNRs in dB; null = the generator's default grid.</summary>
    public IReadOnlyList<int>? Snrs { get; init; }

    /// <summary>Samples per vector (L); null = the dataset's default length.</summary>
    public int? Length { get; init; }

    /// <summary>Seed of the whole dataset.</summary>
    public long Seed { get; init; }

    /// <summary>Class subset by name (case-insensitive), or null for all; labels are renumbered 0… in catalog order.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>Upper bound on worker threads; null = all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
