using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation.Link11;
using CloudEdge.Signals.Generation.Radar;
using CloudEdge.Signals.Generation.Rml2016;

namespace CloudEdge.Signals.Generation;

/// <summary>Creates the generator of a dataset with its default settings.</summary>
public static class GeneratorFactory
{
    /// <summary>The generator of <paramref name="kind"/>.</summary>
    public static ISignalGenerator Create(DatasetKind kind) => kind switch
    {
        DatasetKind.Rml2016 => new Rml2016Generator(),
        DatasetKind.Link11 => new Link11Generator(),
        DatasetKind.Radar => new RadarGenerator(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown dataset kind"),
    };

    /// <summary>The generator of dataset <paramref name="id"/> (rml2016, link11, radar; case-insensitive).</summary>
    public static ISignalGenerator Create(string id) => Create(DatasetCatalog.Get(id).Kind);
}
