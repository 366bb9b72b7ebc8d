using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// Real basic residual block of the student (ResNet-20): k3 (stride) → BN → ReLU → k3 → BN, plus the
/// identity or an option-B projection shortcut (1×1 convolution with stride + BN), then ReLU.
/// </summary>
public sealed class BasicBlock1d : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE0044 // TorchSharp modules: fields are state_dict keys.
    private Conv1d conv1;
    private BatchNorm1d bn1;
    private Conv1d conv2;
    private BatchNorm1d bn2;
    private ReLU relu;
    private Sequential? downsample;
#pragma warning restore IDE0044

    /// <summary>Creates the block.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="stride">Stride of the first convolution and the shortcut.</param>
    public BasicBlock1d(long inChannels, long outChannels, long stride)
        : base(nameof(BasicBlock1d))
    {
        conv1 = nn.Conv1d(inChannels, outChannels, 3, stride, 1, bias: false);
        bn1 = nn.BatchNorm1d(outChannels);
        conv2 = nn.Conv1d(outChannels, outChannels, 3, 1, 1, bias: false);
        bn2 = nn.BatchNorm1d(outChannels);
        relu = nn.ReLU(inplace: true);
        if (stride != 1 || inChannels != outChannels)
        {
            downsample = nn.Sequential(
                ("0", nn.Conv1d(inChannels, outChannels, 1, stride, bias: false)),
                ("1", nn.BatchNorm1d(outChannels)));
        }

        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu.call(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        var shortcut = downsample is null ? input : downsample.call(input);
        return relu.call(x.add_(shortcut)).MoveToOuterDisposeScope();
    }
}
