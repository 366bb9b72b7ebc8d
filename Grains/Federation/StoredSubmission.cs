using CloudEdge.Grains.Interfaces.Federation;

namespace CloudEdge.Grains.Federation;

/// <summary>An accepted submission waiting for its round's aggregation, with the time it arrived.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.StoredSubmission")]
public sealed record StoredSubmission(
    [property: Id(0)] Submission Submission,
    [property: Id(1)] DateTimeOffset ReceivedAt);
