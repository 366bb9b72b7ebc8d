using CloudEdge.Learning.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// Seeded (re-)initialisation of a whole model, so that every process that builds the same spec with the
/// same seed gets bit-identical weights (federated learning starts every edge from one initial student).
/// Modules are visited in ordinal order of their state_dict names, each drawing from one generator:
/// real convolutions Kaiming-normal (fan_out, ReLU gain, as torchvision's ResNet), complex convolutions
/// complex He (<see cref="ComplexConv1d.ResetParameters"/>), batch norms γ = 1 / β = 0 (complex: γ =
/// diag(1/√2)) with reset running statistics, linear layers uniform ±1/√fan_in (PyTorch's default).
/// </summary>
public static class ModelInitializer
{
    /// <summary>Initialises every parameter and buffer of <paramref name="model"/> from a generator seeded with <paramref name="seed"/>.</summary>
    public static void Initialize(nn.Module model, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var generator = new Generator(unchecked((ulong)seed), CPU);
        Initialize(model, generator);
    }

    /// <summary>Initialises every parameter and buffer of <paramref name="model"/>; null = torch's global generator.</summary>
    public static void Initialize(nn.Module model, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        var modules = model.named_modules().Append((name: string.Empty, module: model))
            .OrderBy(m => m.name, StringComparer.Ordinal);
        foreach (var (_, module) in modules)
        {
            Reset(module, generator);
        }
    }

    private static void Reset(nn.Module module, Generator? generator)
    {
        switch (module)
        {
            case IResettable resettable:
                resettable.ResetParameters(generator);
                break;
            case Conv1d conv:
                {
                    var w = conv.weight!;
                    var fanOut = w.shape[0] * w.shape[2];
                    w.normal_(0.0, Math.Sqrt(2.0 / fanOut), generator);
                    conv.bias?.zero_();
                    break;
                }

            case BatchNorm1d bn:
                bn.weight?.fill_(1.0);
                bn.bias?.zero_();
                bn.running_mean?.zero_();
                bn.running_var?.fill_(1.0);
                bn.num_batches_tracked?.zero_();
                break;
            case Linear linear:
                {
                    var bound = 1.0 / Math.Sqrt(linear.weight.shape[1]);
                    linear.weight.uniform_(-bound, bound, generator);
                    linear.bias?.uniform_(-bound, bound, generator);
                    break;
                }
        }
    }
}
