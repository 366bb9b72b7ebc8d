using System.Collections.Concurrent;
using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Counts rejected frames per kind of problem; reports whether a kind is new so it is logged once, not per frame.</summary>
public sealed class FrameRejections
{
    private readonly ConcurrentDictionary<DecodeFailure, long> _counts = new();

    /// <summary>Counts one rejection; true when it is the first of its kind.</summary>
    public bool Add(DecodeFailure failure) => _counts.AddOrUpdate(failure, 1, (_, n) => n + 1) == 1;

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> ByKind() => _counts.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);
}
