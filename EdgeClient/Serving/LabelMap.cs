using CloudEdge.Learning.Data;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Translates labels on the wire (indices into the dataset's catalog classes) into the model's class indices,
/// matching class names; a class the model does not know becomes −1 (unlabelled for accuracy).
/// </summary>
public sealed class LabelMap
{
    private readonly int[] _map;

    public LabelMap(IReadOnlyList<string> wireClasses, IReadOnlyList<string> modelClasses)
    {
        ArgumentNullException.ThrowIfNull(wireClasses);
        ArgumentNullException.ThrowIfNull(modelClasses);
        _map = new int[wireClasses.Count];
        for (var w = 0; w < wireClasses.Count; w++)
        {
            _map[w] = -1;
            for (var m = 0; m < modelClasses.Count; m++)
            {
                if (ClassNames.Same(wireClasses[w], modelClasses[m]))
                {
                    _map[w] = m;
                    break;
                }
            }
        }

        Known = _map.Count(m => m >= 0);
    }

    /// <summary>Wire classes the model knows.</summary>
    public int Known { get; }

    /// <summary>The model's index for wire label <paramref name="label"/>; −1 when unknown or out of range.</summary>
    public int Map(int label) => label >= 0 && label < _map.Length ? _map[label] : -1;
}
