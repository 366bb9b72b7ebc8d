using CloudEdge.Learning.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// The teacher <c>complex_resnet50</c>: a complex-valued 1-D ResNet (bottleneck blocks, [3, 4, 6, 3]
/// at full depth) after Deep Complex Networks (Trabelsi et al. 2018). The IQ input <c>[B, 2, L]</c> is one
/// complex channel <c>I + jQ</c> in the <see cref="ComplexLayout"/> block layout, so it enters the complex
/// stem unchanged. Stem: complex conv k7 (stride 2 for long inputs) → CBN → CReLU (→ average pool 3/2
/// for long inputs); four bottleneck stages (64, 128, 256, 512 complex channels × 4 × width, stride 2
/// from stage 2 on); head: global average pool of the real and imaginary parts (concatenated, 2 × 2048
/// features at full width) → Linear(num_classes). Output: float32 logits <c>[B, num_classes]</c>.
/// </summary>
public sealed class ComplexResNet : nn.Module<Tensor, Tensor>, IModelWithSpec
{
#pragma warning disable IDE0044 // TorchSharp modules: fields are state_dict keys.
    private ComplexConv1d conv1;
    private ComplexBatchNorm1d bn1;
    private ComplexReLU relu;
    private AvgPool1d? pool;
    private Sequential layer1;
    private Sequential layer2;
    private Sequential layer3;
    private Sequential layer4;
    private AdaptiveAvgPool1d avgpool;
    private Linear fc;
#pragma warning restore IDE0044

    /// <summary>Builds the network described by <paramref name="spec"/> (architecture <c>complex_resnet50</c>).</summary>
    public ComplexResNet(ModelSpec spec, ComplexConvMode mode = ComplexConvMode.Auto)
        : base(ModelArchitectures.ComplexResNet50)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (ModelArchitectures.Canonical(spec.Architecture) != ModelArchitectures.ComplexResNet50)
        {
            throw new ArgumentException($"ComplexResNet builds {ModelArchitectures.ComplexResNet50}, not {spec.Architecture}", nameof(spec));
        }

        Spec = spec;
        var widths = ModelArchitectures.BaseWidths(spec.Architecture).Select(spec.Scale).ToArray();
        var longInput = spec.StemDownsampling > 1;
        conv1 = new ComplexConv1d(1, widths[0], 7, longInput ? 2 : 1, 3, mode);
        bn1 = new ComplexBatchNorm1d(widths[0]);
        relu = new ComplexReLU(inplace: true);
        pool = longInput ? nn.AvgPool1d(3, 2, 1) : null;
        long channels = widths[0];
        var depth = spec.StageDepths;
        layer1 = Stage(ref channels, widths[1], depth[0], 1, mode);
        layer2 = Stage(ref channels, widths[2], depth[1], 2, mode);
        layer3 = Stage(ref channels, widths[3], depth[2], 2, mode);
        layer4 = Stage(ref channels, widths[4], depth[3], 2, mode);
        avgpool = nn.AdaptiveAvgPool1d(1);
        fc = nn.Linear(2 * channels, spec.NumClasses);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public ModelSpec Spec { get; }

    /// <summary>Sets the complex convolution scheme of every complex convolution (for measurements).</summary>
    public void SetConvMode(ComplexConvMode mode)
    {
        foreach (var (_, module) in named_modules())
        {
            if (module is ComplexConv1d conv)
            {
                conv.Mode = mode;
            }
        }
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelInput.Check(input, Spec);
        using var scope = NewDisposeScope();
        var x = input.to(fc.weight.dtype);
        x = relu.call(bn1.call(conv1.call(x)));
        if (pool is not null)
        {
            x = pool.call(x);
        }

        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        var logits = fc.call(avgpool.call(x).flatten(1));
        return logits.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private static Sequential Stage(ref long channels, long width, int blocks, long stride, ComplexConvMode mode)
    {
        var list = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < blocks; i++)
        {
            var block = new ComplexBottleneck1d(channels, width, i == 0 ? stride : 1, mode);
            channels = block.OutChannels;
            list.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), block));
        }

        return nn.Sequential(list);
    }
}
