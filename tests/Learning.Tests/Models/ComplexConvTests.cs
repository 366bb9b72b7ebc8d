using System.Numerics;
using CloudEdge.Learning.Layers;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ComplexConvTests
{
    [Theory]
    [InlineData(ComplexConvMode.Block, 1, 0)]
    [InlineData(ComplexConvMode.Block, 2, 1)]
    [InlineData(ComplexConvMode.FourReal, 2, 1)]
    [InlineData(ComplexConvMode.Gauss, 2, 1)]
    [InlineData(ComplexConvMode.BatchStacked, 2, 1)]
    [InlineData(ComplexConvMode.Gauss, 3, 2)]
    public void Forward_RandomInput_MatchesDirectComplexConvolution(ComplexConvMode mode, int stride, int padding)
    {
        using var scope = NewDisposeScope();
        const int batch = 2, cin = 3, cout = 4, k = 3, length = 11;
        using var conv = new ComplexConv1d(cin, cout, k, stride, padding, mode);
        using var generator = new Generator(7, CPU);
        conv.ResetParameters(generator);
        var x = randn([batch, 2 * cin, length], generator: generator);

        var y = conv.call(x);

        var expected = Reference(TestModels.Values(x), TestModels.Values(conv.WeightReal), TestModels.Values(conv.WeightImag), batch, cin, cout, k, length, stride, padding);
        var outLength = ((length + (2 * padding) - k) / stride) + 1;
        Assert.Equal(new long[] { batch, 2 * cout, outLength }, y.shape);
        var actual = TestModels.Values(y);
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < cout; o++)
            {
                for (var t = 0; t < outLength; t++)
                {
                    var z = expected[b, o, t];
                    Assert.Equal(z.Real, actual[(((b * 2 * cout) + o) * outLength) + t], 1e-4);
                    Assert.Equal(z.Imaginary, actual[(((b * 2 * cout) + cout + o) * outLength) + t], 1e-4);
                }
            }
        }
    }

    [Fact]
    public void Forward_AllModes_GiveSameOutputAndGradients()
    {
        using var scope = NewDisposeScope();
        using var conv = new ComplexConv1d(5, 6, 3, 2, 1);
        using var generator = new Generator(11, CPU);
        conv.ResetParameters(generator);
        var x = randn([3, 10, 17], generator: generator);
        var outputs = new List<float[]>();
        var gradients = new List<float[]>();

        foreach (var mode in Enum.GetValues<ComplexConvMode>())
        {
            conv.Mode = mode;
            conv.zero_grad();
            var y = conv.call(x);
            (y * y).sum().backward();
            outputs.Add(TestModels.Values(y));
            gradients.Add(TestModels.Values(conv.WeightImag.grad!));
        }

        for (var i = 1; i < outputs.Count; i++)
        {
            Assert.Equal(outputs[0].Length, outputs[i].Length);
            Assert.All(outputs[0].Zip(outputs[i]), p => Assert.Equal(p.First, p.Second, 1e-4 * Math.Max(1, Math.Abs(p.First))));
            Assert.All(gradients[0].Zip(gradients[i]), p => Assert.Equal(p.First, p.Second, 1e-4 * Math.Max(1, Math.Abs(p.First))));
        }
    }

    [Theory]
    [InlineData(64, 64, 3, ComplexConvMode.Block)]
    [InlineData(128, 128, 3, ComplexConvMode.Block)]
    [InlineData(512, 2048, 1, ComplexConvMode.Block)]
    [InlineData(256, 256, 3, ComplexConvMode.Gauss)]
    public void EffectiveMode_Auto_UsesGaussForLargeKernelLayersOnly(int cin, int cout, int k, ComplexConvMode expected)
    {
        using var conv = new ComplexConv1d(cin, cout, k);

        Assert.Equal(ComplexConvMode.Auto, conv.Mode);
        Assert.Equal(expected, conv.EffectiveMode);
    }

    [Fact]
    public void Forward_OddChannelCount_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var conv = new ComplexConv1d(2, 2, 3);

        Assert.Throws<ArgumentException>(() => conv.call(zeros(1, 3, 8)));
    }

    [Fact]
    public void ResetParameters_ComplexHe_HasVarianceTwoOverFanIn()
    {
        using var scope = NewDisposeScope();
        using var conv = new ComplexConv1d(64, 128, 3);
        using var generator = new Generator(5, CPU);
        conv.ResetParameters(generator);

        var modulusSquared = (conv.WeightReal.square() + conv.WeightImag.square()).mean().item<float>();

        Assert.Equal(2.0 / (64 * 3), modulusSquared, 0.0005);
    }

    private static Complex[,,] Reference(float[] x, float[] wr, float[] wi, int batch, int cin, int cout, int k, int length, int stride, int padding)
    {
        var outLength = ((length + (2 * padding) - k) / stride) + 1;
        var y = new Complex[batch, cout, outLength];
        for (var b = 0; b < batch; b++)
        {
            for (var o = 0; o < cout; o++)
            {
                for (var t = 0; t < outLength; t++)
                {
                    var sum = Complex.Zero;
                    for (var i = 0; i < cin; i++)
                    {
                        for (var j = 0; j < k; j++)
                        {
                            var position = (t * stride) + j - padding;
                            if (position < 0 || position >= length)
                            {
                                continue;
                            }

                            var w = new Complex(wr[(((o * cin) + i) * k) + j], wi[(((o * cin) + i) * k) + j]);
                            var z = new Complex(x[(((b * 2 * cin) + i) * length) + position], x[(((b * 2 * cin) + cin + i) * length) + position]);
                            sum += w * z;
                        }
                    }

                    y[b, o, t] = sum;
                }
            }
        }

        return y;
    }
}
