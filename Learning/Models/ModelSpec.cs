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
public sealed record ModelSpec(string Architecture, int NumClasses, int InputLength, double Width = 1.0, IReadOnlyList<int>? Depth = null);
