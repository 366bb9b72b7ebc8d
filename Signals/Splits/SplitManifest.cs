using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudEdge.Signals.Splits;

/// <summary>
/// The JSON manifest written next to a split (<see cref="FileName"/>): what was split, with which options,
/// and how many samples of each class every part received.
/// </summary>
public sealed record SplitManifest
{
    /// <summary>File name of the manifest inside the split folder.</summary>
    public const string FileName = "split_manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public required string Dataset { get; init; }

    public required SplitSource Source { get; init; }

    public required int Seed { get; init; }

    public required double DirichletAlpha { get; init; }

    public required double CloudRatio { get; init; }

    public required double TestRatio { get; init; }

    public required int NumEdges { get; init; }

    public required int MinEdgeSamples { get; init; }

    public required int DirichletDraws { get; init; }

    public required bool Rebalanced { get; init; }

    public required int SampleLength { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>cloud, edge_1 … edge_N, test.</summary>
    public required IReadOnlyList<SplitPart> Parts { get; init; }

    /// <summary>Mean per-edge label entropy in bits (log2 of the class count when IID, lower when skewed).</summary>
    public required double MeanEdgeLabelEntropyBits { get; init; }

    public required DateTime CreatedUtc { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a manifest; throws <see cref="JsonException"/> / <see cref="InvalidDataException"/> on bad content.</summary>
    public static SplitManifest FromJson(string json) =>
        JsonSerializer.Deserialize<SplitManifest>(json, Json) ?? throw new InvalidDataException("empty split manifest");
}
