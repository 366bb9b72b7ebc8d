namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// An edge asking to take part in a federation: what it trains, so the cloud can refuse a mismatch before any round.
/// <c>Layout</c> is a fingerprint of the model's tensor names, shapes and element types (every edge of a federation must
/// have the same); <c>ModelShape</c> describes it for messages (e.g. <c>width 0.25, depth 1,1,1</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] string EdgeId,
    [property: Id(1)] string Dataset,
    [property: Id(2)] string ModelFamily,
    [property: Id(3)] int NumClasses,
    [property: Id(4)] int InputLength,
    [property: Id(5)] string Layout,
    [property: Id(6)] string ModelShape,
    [property: Id(7)] long Examples);
