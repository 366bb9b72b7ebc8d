namespace CloudEdge.Grains.Teacher;

/// <summary>Teacher checkpoints by dataset id (section "Teachers" of the silo's configuration, or --cloud-model-path / --teachers-dir).</summary>
public sealed class TeacherOptions
{
    public const string Section = "Teachers";

    /// <summary>Dataset id → checkpoint path.</summary>
    public Dictionary<string, string> Checkpoints { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest batch one call may carry (samples).</summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>Inference precision of the teacher: fp32 or bf16.</summary>
    public string Precision { get; init; } = "fp32";
}
