using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Data;

/// <summary>
/// The samples of a data file whose classes a model knows, relabelled to the model's class order, and the
/// file's classes that had to be skipped.
/// </summary>
/// <param name="Data">Selected samples; <c>Classes</c> are the model's classes.</param>
/// <param name="SkippedClasses">Classes of the file that the model does not know (their samples are dropped).</param>
/// <param name="SkippedSamples">Number of samples dropped.</param>
public sealed record ClassSelection(SignalDataset Data, IReadOnlyList<string> SkippedClasses, int SkippedSamples)
{
    /// <summary>
    /// Picks the model's classes out of <paramref name="source"/> by name (see <see cref="ClassNames"/>).
    /// Throws <see cref="InvalidDataException"/> when no class of the file is known to the model.
    /// </summary>
    public static ClassSelection Select(SignalDataset source, IReadOnlyList<string> modelClasses)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(modelClasses);
        var modelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < modelClasses.Count; k++)
        {
            modelIndex.TryAdd(ClassNames.Canonical(modelClasses[k]), k);
        }

        var map = new long[source.Classes.Count];
        var skipped = new List<string>();
        for (var c = 0; c < source.Classes.Count; c++)
        {
            if (modelIndex.TryGetValue(ClassNames.Canonical(source.Classes[c]), out var k))
            {
                map[c] = k;
            }
            else
            {
                map[c] = -1;
                skipped.Add(source.Classes[c]);
            }
        }

        if (skipped.Count == source.Classes.Count)
        {
            throw new InvalidDataException(
                $"none of the data's classes ({string.Join(", ", source.Classes)}) is known to the model ({string.Join(", ", modelClasses)})");
        }

        var keep = Enumerable.Range(0, source.Count).Where(i => map[source.Y[i]] >= 0).ToArray();
        var subset = source.Subset(keep);
        var labels = subset.Y.Select(y => map[y]).ToArray();
        var data = new SignalDataset(subset.X, labels, subset.Snr, modelClasses, source.Length, source.Name);
        return new ClassSelection(data, skipped, source.Count - keep.Length);
    }
}
