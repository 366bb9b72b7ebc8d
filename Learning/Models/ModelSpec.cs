using System.Globalization;

namespace CloudEdge.Learning.Models;

/// <summary>
/// What to build: an architecture family (<c>complex_resnet50</c> teacher, <c>real_resnet20</c> student),
/// the class count and input length from the dataset, and size knobs for tests and quick presets.
/// </summary>
/// <param name="Architecture">Family name as in the reference presets: <c>complex_resnet50</c> or <c>real_resnet20</c>.</param>
/// <param name="NumClasses">Output classes.</param>
/// <param name="InputLength">Samples per IQ vector (L).</param>
/// <param name="Width">Channel width multiplier (1 = the published widths).</param>
/// <param name="Depth">Blocks per stage; null = the published depth ([3,4,6,3] for ResNet-50, [3,3,3] for ResNet-20).</param>
public sealed record ModelSpec(string Architecture, int NumClasses, int InputLength, double Width = 1.0, IReadOnlyList<int>? Depth = null)
{
    /// <summary>Shortest accepted input.</summary>
    public const int MinInputLength = 8;

    /// <summary>Largest accepted width multiplier.</summary>
    public const double MaxWidth = 8.0;

    /// <summary>Largest accepted number of blocks in one stage.</summary>
    public const int MaxBlocksPerStage = 64;

    /// <summary>Blocks per stage actually built: <see cref="Depth"/> or the family's published depth.</summary>
    public IReadOnlyList<int> StageDepths => Depth ?? ModelArchitectures.DefaultDepth(Architecture);

    /// <summary>
    /// Total downsampling of the stem: 4 (stride-2 convolution + stride-2 pool, as in the published
    /// ResNet-50) for inputs of at least <see cref="ModelArchitectures.LongInputThreshold"/> samples
    /// (link11, radar: L = 1024), 1 for short inputs (rml2016: L = 128), which keep full resolution.
    /// </summary>
    public int StemDownsampling => InputLength >= ModelArchitectures.LongInputThreshold ? 4 : 1;

    /// <summary>A published channel count scaled by <see cref="Width"/> (rounded, at least 1).</summary>
    public int Scale(int baseChannels) => Math.Max(1, (int)Math.Round(baseChannels * Width, MidpointRounding.AwayFromZero));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        var architecture = ModelArchitectures.Canonical(Architecture);
        if (NumClasses < 2)
        {
            throw new ArgumentException($"model spec: the class count must be at least 2, got {NumClasses}");
        }

        if (InputLength < MinInputLength)
        {
            throw new ArgumentException($"model spec: the input length must be at least {MinInputLength} samples, got {InputLength}");
        }

        if (!(Width > 0 && Width <= MaxWidth))
        {
            throw new ArgumentException($"model spec: the width multiplier must be in (0, {MaxWidth}], got {Width.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Depth is not null)
        {
            var stages = ModelArchitectures.DefaultDepth(architecture).Count;
            if (Depth.Count != stages || Depth.Any(d => d < 1 || d > MaxBlocksPerStage))
            {
                throw new ArgumentException($"model spec: {architecture} needs {stages} blocks-per-stage values in 1..{MaxBlocksPerStage}, got [{string.Join(",", Depth)}]");
            }
        }
    }

    /// <summary>Value equality; <see cref="Depth"/> is compared element by element.</summary>
    public bool Equals(ModelSpec? other) =>
        other is not null
        && string.Equals(Architecture, other.Architecture, StringComparison.OrdinalIgnoreCase)
        && NumClasses == other.NumClasses
        && InputLength == other.InputLength
        && Width.Equals(other.Width)
        && (Depth is null ? other.Depth is null : other.Depth is not null && Depth.SequenceEqual(other.Depth));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Architecture, StringComparer.OrdinalIgnoreCase);
        hash.Add(NumClasses);
        hash.Add(InputLength);
        hash.Add(Width);
        foreach (var d in Depth ?? [])
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <summary>E.g. <c>complex_resnet50(classes=6, length=128, width=0.25, depth=[1,1,1,1])</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Architecture}(classes={NumClasses}, length={InputLength}, width={Width}, depth=[{string.Join(",", StageDepths)}])");
}
