using CloudEdge.Signals.Data;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Replays a dataset in a seeded random order, wrapping around when more samples are asked for than it holds.</summary>
internal sealed class ReplaySource : ISampleSource
{
    private readonly SignalDataset _data;
    private readonly int[] _order;
    private int _next;

    public ReplaySource(SignalDataset data, DatasetInfo dataset, int seed)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException("the replay file holds no samples");
        }

        var missing = data.Classes.Except(dataset.Classes, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"the replay file's classes {string.Join(", ", missing)} are not {dataset.Id} classes");
        }

        _data = data;
        Dataset = dataset;
        _order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(_order);
    }

    public DatasetInfo Dataset { get; }

    public int Length => _data.Length;

    public SignalDataset Next(int count)
    {
        var picked = new int[count];
        for (var i = 0; i < count; i++)
        {
            picked[i] = _order[_next];
            _next = (_next + 1) % _order.Length;
        }

        var subset = _data.Subset(picked);

        // Labels travel as indices into the dataset's own class list.
        var labels = subset.Y.Select(y => (long)IndexOf(Dataset.Classes, _data.Classes[(int)y])).ToArray();
        return new SignalDataset(subset.X, labels, subset.Snr, Dataset.Classes, subset.Length, Dataset.Id);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
