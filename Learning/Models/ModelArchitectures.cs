namespace CloudEdge.Learning.Models;

/// <summary>The architecture families of the system and their published shapes.</summary>
public static class ModelArchitectures
{
    /// <summary>The cloud teacher: complex-valued 1-D ResNet-50 (bottleneck blocks, expansion 4).</summary>
    public const string ComplexResNet50 = "complex_resnet50";

    /// <summary>The edge student: real-valued 1-D ResNet-20 (basic blocks) on the I and Q channels.</summary>
    public const string RealResNet20 = "real_resnet20";

    /// <summary>Both families, teacher first.</summary>
    public static IReadOnlyList<string> All { get; } = [ComplexResNet50, RealResNet20];

    /// <summary>Bottleneck expansion of the teacher (output channels = 4 × bottleneck width).</summary>
    public const int BottleneckExpansion = 4;

    /// <summary>Inputs at least this long get a downsampling stem (stride-2 convolution + stride-2 pool).</summary>
    public const int LongInputThreshold = 512;

    /// <summary>Published blocks per stage: [3, 4, 6, 3] for ResNet-50, [3, 3, 3] for ResNet-20.</summary>
    public static IReadOnlyList<int> DefaultDepth(string architecture) => Canonical(architecture) switch
    {
        ComplexResNet50 => [3, 4, 6, 3],
        _ => [3, 3, 3],
    };

    /// <summary>
    /// Published channel widths: the stem and then each stage's bottleneck width (complex channels) for
    /// the teacher (64; 64, 128, 256, 512), the stem and each stage's width for the student (16; 16, 32, 64).
    /// </summary>
    public static IReadOnlyList<int> BaseWidths(string architecture) => Canonical(architecture) switch
    {
        ComplexResNet50 => [64, 64, 128, 256, 512],
        _ => [16, 16, 32, 64],
    };

    /// <summary>Whether the architecture works on complex feature maps.</summary>
    public static bool IsComplex(string architecture) => Canonical(architecture) == ComplexResNet50;

    /// <summary>The canonical (lower-case) spelling of a family name; throws <see cref="ArgumentException"/> when unknown.</summary>
    public static string Canonical(string architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        foreach (var known in All)
        {
            if (string.Equals(known, architecture, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new ArgumentException($"unknown model architecture '{architecture}' (known: {string.Join(", ", All)})", nameof(architecture));
    }
}
