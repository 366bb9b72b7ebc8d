using System.Collections.Concurrent;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Counts problems per kind (e.g. kinds of cloud failure); reports whether a kind is new so it is logged once, not per occurrence.</summary>
public sealed class ProblemCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts <paramref name="count"/> occurrences; true when the kind was not seen before.</summary>
    public bool Add(string kind, long count = 1) => _counts.AddOrUpdate(kind, count, (_, n) => n + count) == count;

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> ByKind() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);
}
