using System.Text.Json.Serialization;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The results of <c>serve --bench</c>: the bare student forward pass vs the whole edge pipeline at threshold 0 at
/// the same batch size in the same process (medians over the repeats), and latency at fractions of that load.
/// </summary>
public sealed record BenchReport
{
    [JsonPropertyName("mode")]
    public string Mode => "bench";

    [JsonPropertyName("dataset")]
    public required string Dataset { get; init; }

    [JsonPropertyName("edge_model")]
    public required string EdgeModel { get; init; }

    [JsonPropertyName("batch_size")]
    public int BatchSize { get; init; }

    [JsonPropertyName("max_delay_ms")]
    public double MaxDelayMs { get; init; }

    [JsonPropertyName("samples")]
    public int Samples { get; init; }

    [JsonPropertyName("torch_threads")]
    public int TorchThreads { get; init; }

    [JsonPropertyName("processors")]
    public int Processors { get; init; }

    [JsonPropertyName("bare_forward_sps")]
    public double BareForwardSps { get; init; }

    [JsonPropertyName("bare_forward_runs")]
    public IReadOnlyList<double> BareForwardRuns { get; init; } = [];

    [JsonPropertyName("pipeline_sps")]
    public double PipelineSps { get; init; }

    [JsonPropertyName("pipeline_runs")]
    public IReadOnlyList<double> PipelineRuns { get; init; } = [];

    /// <summary>Pipeline / bare forward pass (target ≥ 0.8).</summary>
    [JsonPropertyName("ratio")]
    public double Ratio => BareForwardSps > 0 ? PipelineSps / BareForwardSps : 0;

    [JsonPropertyName("loads")]
    public IReadOnlyList<BenchLoadRow> Loads { get; init; } = [];
}
