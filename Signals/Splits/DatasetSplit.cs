namespace CloudEdge.Signals.Splits;

/// <summary>
/// The result of <see cref="DatasetSplitter.Split"/>: sample indices (ascending) of the test set, the cloud
/// share and each edge (edge 1 first), plus how the edge partition was reached.
/// </summary>
/// <param name="Test">Indices of the held-out test samples.</param>
/// <param name="Cloud">Indices of the cloud share.</param>
/// <param name="Edges">Indices per edge; <c>Edges[0]</c> is edge 1.</param>
/// <param name="Draws">Dirichlet draws made.</param>
/// <param name="Rebalanced">Whether the last draw had to be rebalanced to give every edge its minimum.</param>
/// <param name="MinEdgeSamples">The minimum edge size that was enforced.</param>
public sealed record DatasetSplit(
    IReadOnlyList<int> Test,
    IReadOnlyList<int> Cloud,
    IReadOnlyList<IReadOnlyList<int>> Edges,
    int Draws,
    bool Rebalanced,
    int MinEdgeSamples);
