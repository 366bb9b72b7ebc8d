using static TorchSharp.torch;

namespace CloudEdge.Learning.Layers;

/// <summary>
/// The project's representation of complex feature maps as real tensors: a complex tensor of
/// <c>C</c> channels is a real tensor <c>[B, 2C, L]</c> whose first <c>C</c> channels are the real parts
/// and last <c>C</c> channels the imaginary parts (block layout <c>[re-block; im-block]</c>). The IQ input
/// <c>[B, 2, L]</c> (row 0 = I, row 1 = Q) is therefore already one complex channel <c>I + jQ</c>.
/// </summary>
public static class ComplexLayout
{
    /// <summary>Real parts: channels <c>[0, C)</c> of a <c>[B, 2C, L]</c> tensor (a view).</summary>
    public static Tensor Real(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.narrow(1, 0, ComplexChannels(x));
    }

    /// <summary>Imaginary parts: channels <c>[C, 2C)</c> of a <c>[B, 2C, L]</c> tensor (a view).</summary>
    public static Tensor Imag(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var c = ComplexChannels(x);
        return x.narrow(1, c, c);
    }

    /// <summary>Joins real and imaginary parts <c>[B, C, L]</c> into the block layout <c>[B, 2C, L]</c>.</summary>
    public static Tensor Join(Tensor real, Tensor imag)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imag);
        return cat([real, imag], 1);
    }

    /// <summary>Converts the block layout to a torch complex tensor <c>[B, C, L]</c> (for references and analysis).</summary>
    public static Tensor ToComplex(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return complex(Real(x).contiguous(), Imag(x).contiguous());
    }

    /// <summary>Converts a torch complex tensor <c>[B, C, L]</c> to the block layout <c>[B, 2C, L]</c>.</summary>
    public static Tensor FromComplex(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        return Join(z.real, z.imag);
    }

    /// <summary>Number of complex channels <c>C</c> of a block-layout tensor; throws when dimension 1 is odd.</summary>
    public static long ComplexChannels(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 2 || x.shape[1] % 2 != 0)
        {
            throw new ArgumentException($"a complex feature map needs an even channel count [re-block; im-block], got shape [{string.Join(", ", x.shape)}]", nameof(x));
        }

        return x.shape[1] / 2;
    }
}
