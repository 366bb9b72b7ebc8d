using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace CloudEdge.Learning.Layers;

/// <summary>
/// Complex-valued 1-D convolution (Trabelsi et al. 2018, "Deep Complex Networks") without bias,
/// on feature maps in the <see cref="ComplexLayout"/> block layout: input <c>[B, 2·Cin, L]</c>,
/// output <c>[B, 2·Cout, L']</c>. The complex weight <c>W = Wr + jWi</c> is held as two real parameters
/// <c>weight_re</c>, <c>weight_im</c> of shape <c>[Cout, Cin, k]</c>; <see cref="Mode"/> picks how the
/// complex product is done with real convolutions.
/// </summary>
public sealed class ComplexConv1d : nn.Module<Tensor, Tensor>, IResettable
{
#pragma warning disable IDE0044 // TorchSharp replaces parameter fields when a module changes dtype or device.
    private Parameter weight_re;
    private Parameter weight_im;
#pragma warning restore IDE0044

    /// <summary>Creates the layer and initialises it with the complex He initialisation.</summary>
    /// <param name="inChannels">Complex input channels.</param>
    /// <param name="outChannels">Complex output channels.</param>
    /// <param name="kernelSize">Kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Zero padding on each side.</param>
    /// <param name="mode">Real-convolution scheme.</param>
    public ComplexConv1d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, ComplexConvMode mode = ComplexConvMode.Auto)
        : base(nameof(ComplexConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Mode = mode;
        weight_re = new Parameter(empty(outChannels, inChannels, kernelSize));
        weight_im = new Parameter(empty(outChannels, inChannels, kernelSize));
        ResetParameters(null);
        RegisterComponents();
    }

    /// <summary>Complex input channels.</summary>
    public long InChannels { get; }

    /// <summary>Complex output channels.</summary>
    public long OutChannels { get; }

    /// <summary>Kernel size.</summary>
    public long KernelSize { get; }

    /// <summary>Stride.</summary>
    public long Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public long Padding { get; }

    /// <summary>Real-convolution scheme used by <see cref="forward"/>; can be switched at any time.</summary>
    public ComplexConvMode Mode { get; set; }

    /// <summary>Size <c>Cin·Cout·k</c> from which <see cref="ComplexConvMode.Auto"/> uses <see cref="ComplexConvMode.Gauss"/> for a k &gt; 1 layer.</summary>
    public const long GaussThreshold = 65536;

    /// <summary>The scheme actually used: <see cref="Mode"/> with <see cref="ComplexConvMode.Auto"/> resolved for this layer.</summary>
    public ComplexConvMode EffectiveMode => Mode != ComplexConvMode.Auto
        ? Mode
        : KernelSize > 1 && InChannels * OutChannels * KernelSize >= GaussThreshold ? ComplexConvMode.Gauss : ComplexConvMode.Block;

    /// <summary>Real part of the weight, <c>[Cout, Cin, k]</c>.</summary>
    public Parameter WeightReal => weight_re;

    /// <summary>Imaginary part of the weight, <c>[Cout, Cin, k]</c>.</summary>
    public Parameter WeightImag => weight_im;

    /// <summary>
    /// Complex He initialisation (Trabelsi et al. 2018, §3.6): modulus Rayleigh-distributed with
    /// σ = 1/√fan_in (so Var(W) = 2/fan_in), phase uniform in (−π, π].
    /// </summary>
    public void ResetParameters(Generator? generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var fanIn = InChannels * KernelSize;
        var sigma = 1.0 / Math.Sqrt(fanIn);
        var shape = weight_re.shape;
        // Rayleigh(σ) = σ·sqrt(−2·ln U) with U in (0, 1]: 1 − rand() avoids ln 0.
        var u = 1.0 - rand(shape, generator: generator);
        var modulus = (-2.0 * u.log()).sqrt() * sigma;
        var phase = (rand(shape, generator: generator) * 2.0 - 1.0) * Math.PI;
        weight_re.copy_(modulus * phase.cos());
        weight_im.copy_(modulus * phase.sin());
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != 2 * InChannels)
        {
            throw new ArgumentException($"ComplexConv1d expects [B, {2 * InChannels}, L] (block layout of {InChannels} complex channels), got [{string.Join(", ", input.shape)}]", nameof(input));
        }

        using var scope = NewDisposeScope();
        var output = EffectiveMode switch
        {
            ComplexConvMode.Block => BlockConv(input),
            ComplexConvMode.FourReal => FourRealConv(input),
            ComplexConvMode.Gauss => GaussConv(input),
            ComplexConvMode.BatchStacked => BatchStackedConv(input),
            _ => throw new InvalidOperationException($"unknown complex convolution mode {Mode}"),
        };
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>The real block weight <c>[[Wr, −Wi], [Wi, Wr]]</c> of shape <c>[2·Cout, 2·Cin, k]</c>.</summary>
    public Tensor BlockWeight()
    {
        using var scope = NewDisposeScope();
        var top = cat([weight_re, -weight_im], 1);
        var bottom = cat([weight_im, weight_re], 1);
        return cat([top, bottom], 0).MoveToOuterDisposeScope();
    }

    private Tensor Conv(Tensor x, Tensor w) => F.conv1d(x, w, null, Stride, Padding);

    private Tensor BlockConv(Tensor x) => Conv(x, BlockWeight());

    private Tensor FourRealConv(Tensor x)
    {
        var xr = x.narrow(1, 0, InChannels).contiguous();
        var xi = x.narrow(1, InChannels, InChannels).contiguous();
        var re = Conv(xr, weight_re) - Conv(xi, weight_im);
        var im = Conv(xr, weight_im) + Conv(xi, weight_re);
        return cat([re, im], 1);
    }

    private Tensor GaussConv(Tensor x)
    {
        var xr = x.narrow(1, 0, InChannels).contiguous();
        var xi = x.narrow(1, InChannels, InChannels).contiguous();
        var k1 = Conv(xr + xi, weight_re);
        var k2 = Conv(xr, weight_im - weight_re);
        var k3 = Conv(xi, weight_re + weight_im);
        return cat([k1 - k3, k1 + k2], 1);
    }

    private Tensor BatchStackedConv(Tensor x)
    {
        var batch = x.shape[0];
        var stacked = cat([x.narrow(1, 0, InChannels), x.narrow(1, InChannels, InChannels)], 0);
        var y = Conv(stacked, cat([weight_re, weight_im], 0));
        var fromRe = y.narrow(0, 0, batch);
        var fromIm = y.narrow(0, batch, batch);
        var re = fromRe.narrow(1, 0, OutChannels) - fromIm.narrow(1, OutChannels, OutChannels);
        var im = fromRe.narrow(1, OutChannels, OutChannels) + fromIm.narrow(1, 0, OutChannels);
        return cat([re, im], 1);
    }
}
