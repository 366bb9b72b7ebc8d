using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace CloudEdge.Learning.Layers;

/// <summary>
/// CReLU (Trabelsi et al. 2018): ReLU applied separately to the real and the imaginary part,
/// <c>CReLU(z) = ReLU(Re z) + j·ReLU(Im z)</c>. In the <see cref="ComplexLayout"/> block layout both
/// parts are plain channels, so this is one element-wise ReLU over the whole tensor.
/// </summary>
public sealed class ComplexReLU : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the activation; <paramref name="inplace"/> overwrites the input.</summary>
    public ComplexReLU(bool inplace = false)
        : base(nameof(ComplexReLU))
    {
        Inplace = inplace;
        RegisterComponents();
    }

    /// <summary>Whether the input tensor is overwritten.</summary>
    public bool Inplace { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return F.relu(input, Inplace);
    }
}
