namespace CloudEdge.Signals.Data;

/// <summary>The datasets the system knows, by id (<c>rml2016</c>, <c>link11</c>, <c>radar</c>).</summary>
public static class DatasetCatalog
{
    public static readonly DatasetInfo Rml2016 = new(
        DatasetKind.Rml2016, "rml2016", ["16QAM", "64QAM", "8PSK", "BPSK", "GMSK", "QPSK"], 128);

    /// <summary>Link-11 emitters: two or three airframes of each platform class, each with its own transmitter.</summary>
    public static readonly DatasetInfo Link11 = new(
        DatasetKind.Link11, "link11", ["E-2D_1", "E-2D_2", "P-3C_1", "P-3C_2", "P-8A_1", "P-8A_2", "P-8A_3"], 1024);

    /// <summary>Radar emitters of P-8A / P-3C / E-2D class platforms (search, surface-search, ISAR and fire-control modes).</summary>
    public static readonly DatasetInfo Radar = new(
        DatasetKind.Radar, "radar", ["E-2D_APY-9", "E-2D_APY-9_HPRF", "P-3C_APS-115", "P-3C_APS-137", "P-8A_APY-10", "P-8A_APY-10_ISAR", "P-8A_EW"], 1024);

    public static IReadOnlyList<DatasetInfo> All { get; } = [Rml2016, Link11, Radar];

    public static IReadOnlyList<string> Ids { get; } = All.Select(d => d.Id).ToArray();

    public static DatasetInfo Get(DatasetKind kind) => All.First(d => d.Kind == kind);

    /// <summary>Looks up a dataset id (case-insensitive); throws with the list of known ids when unknown.</summary>
    public static DatasetInfo Get(string id) =>
        TryGet(id, out var info) ? info : throw new ArgumentException($"unknown dataset '{id}' (known: {string.Join(", ", Ids)})", nameof(id));

    public static bool TryGet(string? id, out DatasetInfo info)
    {
        info = All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))!;
        return info is not null;
    }
}
