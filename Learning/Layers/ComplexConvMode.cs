namespace CloudEdge.Learning.Layers;

/// <summary>
/// How <see cref="ComplexConv1d"/> maps a complex convolution onto real convolutions. All modes give the
/// same result (up to rounding); they differ in speed. See docs/models.md for the measured figures.
/// </summary>
public enum ComplexConvMode
{
    /// <summary>
    /// Per layer: <see cref="Gauss"/> for large convolutions with a kernel (<c>k &gt; 1</c> and
    /// <c>Cin·Cout·k ≥</c> <see cref="ComplexConv1d.GaussThreshold"/>), where saving a quarter of the
    /// multiplications paid in the measurements, <see cref="Block"/> for the others (1×1 and small
    /// convolutions, where one GEMM without extra element-wise passes was fastest). The default.
    /// </summary>
    Auto,

    /// <summary>
    /// One real convolution of the stacked <c>[re; im]</c> input with the block weight
    /// <c>[[Wr, -Wi], [Wi, Wr]]</c>: one large GEMM, no slicing of the input, output already in the
    /// <c>[re; im]</c> layout.
    /// </summary>
    Block,

    /// <summary>Four real convolutions: <c>re = Wr*xr - Wi*xi</c>, <c>im = Wi*xr + Wr*xi</c>.</summary>
    FourReal,

    /// <summary>
    /// Gauss' trick, three real convolutions: <c>k1 = Wr*(xr+xi)</c>, <c>k2 = (Wi-Wr)*xr</c>,
    /// <c>k3 = (Wr+Wi)*xi</c>; <c>re = k1 - k3</c>, <c>im = k1 + k2</c> (3/4 of the multiplications).
    /// </summary>
    Gauss,

    /// <summary>
    /// One real convolution of the batch-stacked input <c>[xr; xi]</c> (2B samples) with the
    /// channel-stacked weight <c>[Wr; Wi]</c>, then two additions to combine the four products.
    /// </summary>
    BatchStacked,
}
