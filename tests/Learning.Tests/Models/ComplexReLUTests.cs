using CloudEdge.Learning.Layers;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ComplexReLUTests
{
    [Fact]
    public void Forward_RandomInput_AppliesReluToRealAndImaginaryParts()
    {
        using var scope = NewDisposeScope();
        using var relu = new ComplexReLU();
        using var generator = new Generator(8, CPU);
        var x = randn([2, 6, 9], generator: generator);
        var z = ComplexLayout.ToComplex(x);

        var y = ComplexLayout.ToComplex(relu.call(x));

        var expected = complex(z.real.clamp_min(0), z.imag.clamp_min(0));
        Assert.True(y.eq(expected).all().item<bool>());
        Assert.Contains(TestModels.Values(x), v => v < 0);
    }
}
