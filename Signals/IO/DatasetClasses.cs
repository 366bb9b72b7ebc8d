using System.Globalization;
using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.IO;

/// <summary>Class subsets, class order and the match between a dataset file and a catalog dataset type.</summary>
public static class DatasetClasses
{
    /// <summary>
    /// Resolves requested class names against the available ones (exact, RadioML renaming, case-insensitive);
    /// throws a one-line <see cref="ArgumentException"/> naming <paramref name="source"/> for unknown or repeated names.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> requested, IReadOnlyList<string> available, string source)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(available);
        if (requested.Count == 0)
        {
            throw new ArgumentException("--classes: no class names given");
        }

        var result = new List<string>();
        foreach (var name in requested)
        {
            var match = RadioMlNames.Match(name, available)
                ?? throw new ArgumentException($"--classes: unknown class '{name}' in {source} (known: {string.Join(", ", available)})");
            if (result.Contains(match, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--classes: class '{match}' is listed twice");
            }

            result.Add(match);
        }

        return result;
    }

    /// <summary>Keeps the samples of the given classes (resolved as in <see cref="Resolve"/>), relabelled in that order.</summary>
    public static SignalDataset Select(SignalDataset dataset, IReadOnlyList<string> classes, string source)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var resolved = Resolve(classes, dataset.Classes, source);
        var newLabel = dataset.Classes.Select(c => IndexOf(resolved, c)).ToArray();
        var kept = Enumerable.Range(0, dataset.Count).Where(i => newLabel[dataset.Y[i]] >= 0).ToArray();
        var subset = dataset.Subset(kept);
        var y = Array.ConvertAll(subset.Y, label => (long)newLabel[label]);
        return new SignalDataset(subset.X, y, subset.Snr, resolved.ToArray(), subset.Length, DatasetChecks.CatalogName(resolved) ?? NameIfSameClasses(dataset, resolved));
    }

    /// <summary>The same samples with the classes listed in <paramref name="order"/> (the same set), labels remapped.</summary>
    public static SignalDataset Reorder(SignalDataset dataset, IReadOnlyList<string> order, string? name)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count != dataset.Classes.Count || order.Except(dataset.Classes, StringComparer.Ordinal).Any())
        {
            throw new ArgumentException($"class order [{string.Join(", ", order)}] is not a permutation of [{string.Join(", ", dataset.Classes)}]", nameof(order));
        }

        var map = dataset.Classes.Select(c => (long)IndexOf(order, c)).ToArray();
        var y = Array.ConvertAll(dataset.Y, label => map[label]);
        return new SignalDataset(dataset.X, y, dataset.Snr, order.ToArray(), dataset.Length, name);
    }

    /// <summary>The catalog dataset a file's classes identify: its name, or the same class set; null when none.</summary>
    public static DatasetInfo? Infer(SignalDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Name is not null && DatasetCatalog.TryGet(dataset.Name, out var named) && SameSet(named.Classes, dataset.Classes)
            ? named
            : DatasetChecks.CatalogWithSameSet(dataset.Classes.ToArray());
    }

    /// <summary>
    /// Returns the dataset with <paramref name="info"/>'s classes in catalog order: files holding the same set of
    /// class names are relabelled; files without class names (classes <c>0 … K−1</c>, K ≤ the catalog's count)
    /// take the catalog's names. Anything else is a one-line <see cref="ArgumentException"/> naming the file.
    /// </summary>
    public static SignalDataset ConformTo(SignalDataset dataset, DatasetInfo info, string source)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(info);
        if (SameSet(info.Classes, dataset.Classes))
        {
            return Reorder(dataset, info.Classes, info.Id);
        }

        var numbered = dataset.Classes.Select((c, i) => c == i.ToString(CultureInfo.InvariantCulture)).All(b => b);
        if (numbered && dataset.Classes.Count <= info.Classes.Count)
        {
            return new SignalDataset(dataset.X, dataset.Y, dataset.Snr, info.Classes, dataset.Length, info.Id);
        }

        throw new ArgumentException(
            $"--dataset-type {info.Id} expects classes [{string.Join(", ", info.Classes)}] but {source} holds [{string.Join(", ", dataset.Classes)}]");
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(c => b.Contains(c, StringComparer.Ordinal));

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? NameIfSameClasses(SignalDataset dataset, IReadOnlyList<string> resolved) =>
        dataset.Classes.SequenceEqual(resolved, StringComparer.Ordinal) ? dataset.Name : null;
}
