using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Training;

/// <summary>A small conv net with a batch norm (so its state has buffers, incl. an int64 counter) for fast tests.</summary>
internal sealed class TinyNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _conv;
    private readonly nn.Module<Tensor, Tensor> _norm;
    private readonly nn.Module<Tensor, Tensor> _head;

    public TinyNet(int classes, int channels = 12, long seed = 1)
        : base(nameof(TinyNet))
    {
        _conv = nn.Conv1d(2, channels, 9, padding: 4);
        _norm = nn.BatchNorm1d(channels);
        _head = nn.Linear(channels, classes);
        RegisterComponents();

        // Initialise from a private RNG: torch's global generator is shared with tests running in parallel.
        var rng = new Random((int)seed);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            // Batch-norm parameters start deterministic (1 and 0); convolution and head weights and biases are drawn.
            if (!name.StartsWith("_norm", StringComparison.Ordinal))
            {
                var bound = parameter.dim() > 1 ? 1.0 / Math.Sqrt(parameter.numel() / parameter.shape[0]) : 0.1;
                var values = Enumerable.Range(0, (int)parameter.numel()).Select(_ => (float)(((2 * rng.NextDouble()) - 1) * bound)).ToArray();
                using var init = torch.tensor(values, parameter.shape);
                parameter.copy_(init);
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(_norm.call(_conv.call(input)));
        return _head.call(h.mean([2])).MoveToOuterDisposeScope();
    }
}
