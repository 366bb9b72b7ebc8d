namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// What the caller needs a checkpoint to be; every non-null field is checked on load and a mismatch fails
/// with one line naming the file, the field, what it holds and what was expected (the reference system's
/// rule that an edge model must match the cloud's dataset and model type).
/// </summary>
/// <param name="Dataset">Dataset id, e.g. <c>rml2016</c> (case-insensitive).</param>
/// <param name="Classes">Class names in order (compared with <see cref="Data.ClassNames.Same"/>).</param>
/// <param name="Architecture">Architecture family (<c>real_resnet20</c>) or full preset name (<c>real_resnet20_rml2016</c>).</param>
/// <param name="InputLength">Samples per IQ vector.</param>
public sealed record CheckpointExpectation(
    string? Dataset = null,
    IReadOnlyList<string>? Classes = null,
    string? Architecture = null,
    int? InputLength = null);
