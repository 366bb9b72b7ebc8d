using CloudEdge.Learning.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// Complex bottleneck residual block of the teacher (ResNet v1.5: the stride sits on the k = 3
/// convolution): 1×1 → CBN → CReLU → k3 (stride) → CBN → CReLU → 1×1 (×4 channels) → CBN, plus the
/// identity or a projection shortcut (complex 1×1 convolution with stride + CBN), then CReLU.
/// All tensors are in the <see cref="ComplexLayout"/> block layout.
/// </summary>
public sealed class ComplexBottleneck1d : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE0044 // TorchSharp modules: fields are state_dict keys.
    private ComplexConv1d conv1;
    private ComplexBatchNorm1d bn1;
    private ComplexConv1d conv2;
    private ComplexBatchNorm1d bn2;
    private ComplexConv1d conv3;
    private ComplexBatchNorm1d bn3;
    private ComplexReLU relu;
    private Sequential? downsample;
#pragma warning restore IDE0044

    /// <summary>Creates the block.</summary>
    /// <param name="inChannels">Complex input channels.</param>
    /// <param name="width">Bottleneck width; the block outputs <c>4 × width</c> complex channels.</param>
    /// <param name="stride">Stride of the k = 3 convolution and the shortcut.</param>
    /// <param name="mode">Complex convolution scheme.</param>
    public ComplexBottleneck1d(long inChannels, long width, long stride, ComplexConvMode mode = ComplexConvMode.Auto)
        : base(nameof(ComplexBottleneck1d))
    {
        var outChannels = width * ModelArchitectures.BottleneckExpansion;
        conv1 = new ComplexConv1d(inChannels, width, 1, mode: mode);
        bn1 = new ComplexBatchNorm1d(width);
        conv2 = new ComplexConv1d(width, width, 3, stride, 1, mode);
        bn2 = new ComplexBatchNorm1d(width);
        conv3 = new ComplexConv1d(width, outChannels, 1, mode: mode);
        bn3 = new ComplexBatchNorm1d(outChannels);
        relu = new ComplexReLU(inplace: true);
        if (stride != 1 || inChannels != outChannels)
        {
            downsample = nn.Sequential(
                ("0", new ComplexConv1d(inChannels, outChannels, 1, stride, mode: mode)),
                ("1", new ComplexBatchNorm1d(outChannels)));
        }

        OutChannels = outChannels;
        RegisterComponents();
    }

    /// <summary>Complex output channels (4 × width).</summary>
    public long OutChannels { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu.call(bn1.call(conv1.call(input)));
        x = relu.call(bn2.call(conv2.call(x)));
        x = bn3.call(conv3.call(x));
        var shortcut = downsample is null ? input : downsample.call(input);
        return relu.call(x.add_(shortcut)).MoveToOuterDisposeScope();
    }
}
