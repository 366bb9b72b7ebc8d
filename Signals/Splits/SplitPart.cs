namespace CloudEdge.Signals.Splits;

/// <summary>One written part of a split: its name (cloud, edge_1 …, test), file, size and samples per class.</summary>
/// <param name="Name">cloud, edge_N or test.</param>
/// <param name="File">File name inside the split folder.</param>
/// <param name="Total">Samples in the part.</param>
/// <param name="PerClass">Samples per class, in the order of the manifest's classes.</param>
/// <param name="LabelEntropyBits">Entropy of the part's label distribution, in bits.</param>
public sealed record SplitPart(string Name, string File, int Total, IReadOnlyList<int> PerClass, double LabelEntropyBits);
