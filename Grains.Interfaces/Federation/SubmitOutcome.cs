namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>What became of a <see cref="Submission"/>. Everything but <see cref="Accepted"/> leaves the global model untouched.</summary>
[GenerateSerializer]
public enum SubmitOutcome
{
    /// <summary>Stored for this round's aggregation.</summary>
    Accepted = 0,

    /// <summary>This edge already submitted to this round (e.g. a retry, or a restarted edge); the first one counts.</summary>
    Duplicate = 1,

    /// <summary>The round has already been aggregated.</summary>
    Stale = 2,

    /// <summary>The round is not open yet.</summary>
    Future = 3,

    /// <summary>The edge has not joined the federation.</summary>
    UnknownEdge = 4,

    /// <summary>Malformed: undecodable, NaN/Inf values, wrong names or shapes, fewer than one example, non-finite metrics.</summary>
    Invalid = 5,

    /// <summary>The federation has run all its rounds.</summary>
    Finished = 6,

    /// <summary>The federation has no configuration.</summary>
    NotConfigured = 7,
}
