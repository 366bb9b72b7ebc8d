using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// The student <c>real_resnet20</c>: a real 1-D ResNet-20 (He et al. 2016, CIFAR variant) on the two
/// real input channels I and Q. Stem: conv k3 (short inputs) or conv k7 stride 2 + max-pool 3/2 (long
/// inputs) → BN → ReLU; three stages of basic blocks (16, 32, 64 channels × width; [3, 3, 3] blocks at
/// full depth; stride 2 from stage 2 on; option-B 1×1 projection shortcuts); global average pool →
/// Linear(num_classes). Output: float32 logits <c>[B, num_classes]</c>.
/// </summary>
public sealed class RealResNet : nn.Module<Tensor, Tensor>, IModelWithSpec
{
#pragma warning disable IDE0044 // TorchSharp modules: fields are state_dict keys.
    private Conv1d conv1;
    private BatchNorm1d bn1;
    private ReLU relu;
    private MaxPool1d? maxpool;
    private Sequential layer1;
    private Sequential layer2;
    private Sequential layer3;
    private AdaptiveAvgPool1d avgpool;
    private Linear fc;
#pragma warning restore IDE0044

    /// <summary>Builds the network described by <paramref name="spec"/> (architecture <c>real_resnet20</c>).</summary>
    public RealResNet(ModelSpec spec)
        : base(ModelArchitectures.RealResNet20)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (ModelArchitectures.Canonical(spec.Architecture) != ModelArchitectures.RealResNet20)
        {
            throw new ArgumentException($"RealResNet builds {ModelArchitectures.RealResNet20}, not {spec.Architecture}", nameof(spec));
        }

        Spec = spec;
        var widths = ModelArchitectures.BaseWidths(spec.Architecture).Select(spec.Scale).ToArray();
        var longInput = spec.StemDownsampling > 1;
        conv1 = longInput
            ? nn.Conv1d(2, widths[0], 7, 2, 3, bias: false)
            : nn.Conv1d(2, widths[0], 3, 1, 1, bias: false);
        bn1 = nn.BatchNorm1d(widths[0]);
        relu = nn.ReLU(inplace: true);
        maxpool = longInput ? nn.MaxPool1d(3, 2, 1) : null;
        long channels = widths[0];
        var depth = spec.StageDepths;
        layer1 = Stage(ref channels, widths[1], depth[0], 1);
        layer2 = Stage(ref channels, widths[2], depth[1], 2);
        layer3 = Stage(ref channels, widths[3], depth[2], 2);
        avgpool = nn.AdaptiveAvgPool1d(1);
        fc = nn.Linear(channels, spec.NumClasses);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public ModelSpec Spec { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelInput.Check(input, Spec);
        using var scope = NewDisposeScope();
        var x = input.to(fc.weight.dtype);
        x = relu.call(bn1.call(conv1.call(x)));
        if (maxpool is not null)
        {
            x = maxpool.call(x);
        }

        x = layer3.call(layer2.call(layer1.call(x)));
        var logits = fc.call(avgpool.call(x).flatten(1));
        return logits.to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private static Sequential Stage(ref long channels, long width, int blocks, long stride)
    {
        var list = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < blocks; i++)
        {
            list.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), new BasicBlock1d(channels, width, i == 0 ? stride : 1)));
            channels = width;
        }

        return nn.Sequential(list);
    }
}
