using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// What the <see cref="MicroBatcher"/> hands to the classifier: up to the batch limit of samples (pieces of one or
/// more frames, in arrival order) and the end-of-stream frames that arrived right after them.
/// </summary>
public sealed record MicroBatch(IReadOnlyList<SampleSlice> Slices, IReadOnlyList<EndOfStreamFrame> Ends)
{
    /// <summary>Samples in the batch.</summary>
    public int Count => Slices.Sum(s => s.Count);
}
