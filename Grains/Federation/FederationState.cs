using CloudEdge.Grains.Interfaces.Federation;

namespace CloudEdge.Grains.Federation;

/// <summary>
/// The persisted state of one federation (see <see cref="FederationGrain"/>): configuration, open round, global
/// weights (weight-codec bytes), the model layout every edge must have, joined edges, the open round's accepted
/// submissions, the history of aggregated rounds and counters. Written after every change.
/// </summary>
[GenerateSerializer, Alias("CloudEdge.FederationState")]
public sealed class FederationState
{
    /// <summary>The configuration; null until one is set.</summary>
    [Id(0)]
    public FederationConfig? Config { get; set; }

    /// <summary>The open round: 0 = initialisation, 1..NumRounds = training; NumRounds + 1 once finished.</summary>
    [Id(1)]
    public int Round { get; set; }

    [Id(2)]
    public bool Finished { get; set; }

    [Id(3)]
    public DateTimeOffset RoundOpenedAt { get; set; }

    /// <summary>The global model the open round starts from; null while round 0 is open.</summary>
    [Id(4)]
    public byte[]? GlobalWeights { get; set; }

    /// <summary>Layout fingerprint of the model (set by the first edge that joins).</summary>
    [Id(5)]
    public string? Layout { get; set; }

    /// <summary>Human-readable description of the model layout (for messages).</summary>
    [Id(6)]
    public string? ModelShape { get; set; }

    /// <summary>Input length of the federation's samples (from the configuration or the first edge).</summary>
    [Id(7)]
    public int InputLength { get; set; }

    /// <summary>Joined edges by id.</summary>
    [Id(8)]
    public Dictionary<string, EdgeMembership> Edges { get; init; } = [];

    /// <summary>The open round's accepted submissions by edge id.</summary>
    [Id(9)]
    public Dictionary<string, StoredSubmission> Submissions { get; init; } = [];

    /// <summary>Aggregated rounds, oldest first.</summary>
    [Id(10)]
    public List<RoundRecord> History { get; init; } = [];

    /// <summary>Weight bytes accepted in the open round.</summary>
    [Id(11)]
    public long RoundBytesIn { get; set; }

    /// <summary>Global-model bytes handed out in the open round.</summary>
    [Id(12)]
    public long RoundBytesOut { get; set; }

    /// <summary>Submissions refused since the federation was configured.</summary>
    [Id(13)]
    public long Rejected { get; set; }
}
