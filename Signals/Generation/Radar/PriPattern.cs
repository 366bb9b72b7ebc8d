namespace CloudEdge.Signals.Generation.Radar;

/// <summary>Pulse-repetition-interval pattern.</summary>
internal enum PriPattern
{
    /// <summary>Constant PRI.</summary>
    Fixed,

    /// <summary>PRIs cycle through fixed ratios of the base PRI.</summary>
    Staggered,

    /// <summary>Each PRI drawn uniformly within ± a fraction of the base PRI.</summary>
    Jittered,
}
