namespace CloudEdge.Signals.Data;

/// <summary>Identity of one dataset: its id on the command line and wire, class names and default vector length.</summary>
public sealed record DatasetInfo(DatasetKind Kind, string Id, IReadOnlyList<string> Classes, int DefaultLength);
