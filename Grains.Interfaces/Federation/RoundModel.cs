namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// The global model the open round starts from (the aggregate of the previous round), encoded with the weight codec;
/// <c>Weights</c> is null while round 0 (the initialisation round) is open. When <c>Finished</c>, it is the final model.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.RoundModel")]
public sealed record RoundModel(
    [property: Id(0)] int Round,
    [property: Id(1)] bool Finished,
    [property: Id(2)] byte[]? Weights)
{
    /// <summary>Payload bytes (what the link counts).</summary>
    public long PayloadBytes => Weights?.LongLength ?? 0;
}
