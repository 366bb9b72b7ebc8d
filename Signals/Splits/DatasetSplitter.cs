using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.Splits;

/// <summary>
/// Splits a dataset the way the reference workflow does (DESIGN.md §1), deterministically for a seed:
/// <list type="number">
/// <item>a stratified test set: <c>round(n_c · test_ratio)</c> random samples of every class c;</item>
/// <item>a stratified cloud share: <c>round(rest_c · cloud_ratio)</c> of every class's remainder;</item>
/// <item>the rest over the edges by label skew: for every class a Dirichlet(alpha) draw of edge
/// proportions, the class's samples cut at the cumulative proportions; draws that leave an edge below the
/// minimum size are redrawn, and after <see cref="SplitOptions.MaxDraws"/> draws the last one is rebalanced
/// (the largest edge gives samples of its most frequent class to the smallest).</item>
/// </list>
/// </summary>
public static class DatasetSplitter
{
    /// <summary>Splits <paramref name="dataset"/>; throws <see cref="ArgumentException"/> for bad options or too few samples.</summary>
    public static DatasetSplit Split(SignalDataset dataset, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SplitRandom(options.Seed);
        var classes = dataset.Classes.Count;
        var byClass = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < dataset.Count; i++)
        {
            byClass[dataset.Y[i]].Add(i);
        }

        var test = new List<int>();
        var cloud = new List<int>();
        var pool = new List<int>[classes];
        for (var c = 0; c < classes; c++)
        {
            var members = byClass[c];
            random.Shuffle(members);
            var nTest = (int)Math.Round(members.Count * options.TestRatio, MidpointRounding.AwayFromZero);
            var rest = members.Count - nTest;
            var nCloud = (int)Math.Round(rest * options.CloudRatio, MidpointRounding.AwayFromZero);
            test.AddRange(members.Take(nTest));
            cloud.AddRange(members.Skip(nTest).Take(nCloud));
            pool[c] = members.Skip(nTest + nCloud).ToList();
        }

        var poolSize = pool.Sum(p => p.Count);
        if (poolSize < options.NumEdges)
        {
            throw new ArgumentException(
                $"--num-edges {options.NumEdges} is more than the {poolSize} samples left for the edges ({dataset.Count} samples, test ratio {options.TestRatio}, cloud ratio {options.CloudRatio})");
        }

        var minSize = Math.Max(1, Math.Min(options.MinEdgeSamples, poolSize / options.NumEdges));
        List<int>[][] edges = [];
        var draws = 0;
        while (draws < options.MaxDraws)
        {
            draws++;
            edges = Draw(pool, options.NumEdges, options.DirichletAlpha, random);
            if (edges.Min(Size) >= minSize)
            {
                break;
            }
        }

        var rebalanced = false;
        while (edges.Min(Size) < minSize)
        {
            Rebalance(edges);
            rebalanced = true;
        }

        var edgeIndices = edges.Select(e => (IReadOnlyList<int>)e.SelectMany(l => l).Order().ToArray()).ToArray();
        return new DatasetSplit(test.Order().ToArray(), cloud.Order().ToArray(), edgeIndices, draws, rebalanced, minSize);
    }

    /// <summary>One draw: <c>edges[e][c]</c> holds the samples of class c given to edge e.</summary>
    private static List<int>[][] Draw(List<int>[] pool, int numEdges, double alpha, SplitRandom random)
    {
        var edges = Enumerable.Range(0, numEdges).Select(_ => pool.Select(_ => new List<int>()).ToArray()).ToArray();
        for (var c = 0; c < pool.Length; c++)
        {
            var members = pool[c];
            var p = random.NextDirichlet(alpha, numEdges);
            var cumulative = 0.0;
            var start = 0;
            for (var e = 0; e < numEdges; e++)
            {
                cumulative += p[e];
                var end = e == numEdges - 1 ? members.Count : Math.Min(members.Count, (int)(cumulative * members.Count));
                edges[e][c].AddRange(members.Skip(start).Take(end - start));
                start = Math.Max(start, end);
            }
        }

        return edges;
    }

    private static void Rebalance(List<int>[][] edges)
    {
        var smallest = Array.FindIndex(edges, e => Size(e) == edges.Min(Size));
        var largest = Array.FindIndex(edges, e => Size(e) == edges.Max(Size));
        var donor = edges[largest];
        var cls = Array.FindIndex(donor, l => l.Count == donor.Max(x => x.Count));
        var sample = donor[cls][^1];
        donor[cls].RemoveAt(donor[cls].Count - 1);
        edges[smallest][cls].Add(sample);
    }

    private static int Size(List<int>[] edge) => edge.Sum(l => l.Count);
}
