using System.Globalization;

namespace CloudEdge.Signals.Splits;

/// <summary>
/// How a dataset is split (DESIGN.md §1): a stratified held-out test share, a stratified cloud share of the
/// rest, and a Dirichlet(alpha) label-skew partition of what remains over the edges.
/// </summary>
public sealed record SplitOptions
{
    /// <summary>Number of edges (≥ 1).</summary>
    public int NumEdges { get; init; } = 3;

    /// <summary>Dirichlet concentration (&gt; 0): small = strongly skewed label mix per edge, large = near IID.</summary>
    public double DirichletAlpha { get; init; } = 0.3;

    /// <summary>Share of the non-test samples that goes to the cloud, in (0, 1).</summary>
    public double CloudRatio { get; init; } = 0.3;

    /// <summary>Share of all samples held out for testing, in (0, 1).</summary>
    public double TestRatio { get; init; } = 0.2;

    /// <summary>Seed: the same seed, options and dataset give the same split.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Fewest samples an edge may get (capped at an equal share of the edge pool). Dirichlet draws that leave an
    /// edge smaller are redrawn; after <see cref="MaxDraws"/> draws the last one is rebalanced.
    /// </summary>
    public int MinEdgeSamples { get; init; } = 10;

    /// <summary>Dirichlet draws tried before rebalancing.</summary>
    public int MaxDraws { get; init; } = 100;

    /// <summary>Throws a one-line <see cref="ArgumentException"/> naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if (NumEdges < 1)
        {
            throw Bad("--num-edges", "must be at least 1", NumEdges);
        }

        if (!(DirichletAlpha > 0) || double.IsInfinity(DirichletAlpha))
        {
            throw Bad("--dirichlet-alpha", "must be a positive finite number", DirichletAlpha);
        }

        if (!(CloudRatio > 0 && CloudRatio < 1))
        {
            throw Bad("--cloud-ratio", "must be in (0, 1)", CloudRatio);
        }

        if (!(TestRatio > 0 && TestRatio < 1))
        {
            throw Bad("--test-ratio", "must be in (0, 1)", TestRatio);
        }

        if (MinEdgeSamples < 1)
        {
            throw Bad("--min-edge-samples", "must be at least 1", MinEdgeSamples);
        }

        if (MaxDraws < 1)
        {
            throw Bad("max draws", "must be at least 1", MaxDraws);
        }
    }

    private static ArgumentException Bad(string option, string rule, IFormattable value) =>
        new($"{option} {rule} (got {value.ToString(null, CultureInfo.InvariantCulture)})");
}
