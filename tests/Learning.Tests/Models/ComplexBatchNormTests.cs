using CloudEdge.Learning.Layers;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ComplexBatchNormTests
{
    private const int Batch = 4, Channels = 3, Length = 25;
    private const double Eps = 1e-5;

    [Fact]
    public void Forward_Training_MatchesWhiteningByEigenDecomposition()
    {
        using var scope = NewDisposeScope();
        using var bn = new ComplexBatchNorm1d(Channels, Eps);
        using var generator = new Generator(3, CPU);
        RandomAffine(bn, generator);
        var x = CorrelatedInput(generator);
        bn.train();

        var y = TestModels.Values(bn.call(x));

        var xs = TestModels.Values(x);
        var gamma = TestModels.Values(bn.Weight);
        var beta = TestModels.Values(bn.Bias);
        for (var c = 0; c < Channels; c++)
        {
            var (re, im) = Channel(xs, c);
            var (mr, mi, vrr, vri, vii) = Moments(re, im, unbiased: false);
            var w = InverseSqrt(vrr + Eps, vri, vii + Eps);
            AssertChannel(y, c, re, im, mr, mi, w, gamma, beta);
        }
    }

    [Fact]
    public void Forward_Eval_UsesUnbiasedRunningStatistics()
    {
        using var scope = NewDisposeScope();
        const double momentum = 0.25;
        using var bn = new ComplexBatchNorm1d(Channels, Eps, momentum);
        using var generator = new Generator(4, CPU);
        RandomAffine(bn, generator);
        var xTrain = CorrelatedInput(generator);
        bn.train();
        bn.call(xTrain);
        var xEval = CorrelatedInput(generator);
        bn.eval();

        var y = TestModels.Values(bn.call(xEval));

        var train = TestModels.Values(xTrain);
        var eval = TestModels.Values(xEval);
        var runningMean = TestModels.Values(bn.RunningMean);
        var runningCovar = TestModels.Values(bn.RunningCovariance);
        var gamma = TestModels.Values(bn.Weight);
        var beta = TestModels.Values(bn.Bias);
        for (var c = 0; c < Channels; c++)
        {
            var (tr, ti) = Channel(train, c);
            var (mr, mi, vrr, vri, vii) = Moments(tr, ti, unbiased: true);
            AssertClose(momentum * mr, runningMean[c]);
            AssertClose(momentum * mi, runningMean[Channels + c]);
            AssertClose((1 - momentum) + (momentum * vrr), runningCovar[c]);
            AssertClose(momentum * vri, runningCovar[Channels + c]);
            AssertClose((1 - momentum) + (momentum * vii), runningCovar[(2 * Channels) + c]);

            var w = InverseSqrt(runningCovar[c] + Eps, runningCovar[Channels + c], runningCovar[(2 * Channels) + c] + Eps);
            var (re, im) = Channel(eval, c);
            AssertChannel(y, c, re, im, runningMean[c], runningMean[Channels + c], w, gamma, beta);
        }
    }

    [Fact]
    public void Forward_TrainingWithIdentityGamma_OutputHasZeroMeanAndIdentityCovariance()
    {
        using var scope = NewDisposeScope();
        using var bn = new ComplexBatchNorm1d(Channels, Eps);
        using (no_grad())
        {
            bn.Weight[0].fill_(1.0);
            bn.Weight[2].fill_(1.0);
        }

        using var generator = new Generator(5, CPU);
        bn.train();

        var y = TestModels.Values(bn.call(CorrelatedInput(generator)));

        for (var c = 0; c < Channels; c++)
        {
            var (re, im) = Channel(y, c);
            var (mr, mi, vrr, vri, vii) = Moments(re, im, unbiased: false);
            Assert.Equal(0.0, mr, 1e-4);
            Assert.Equal(0.0, mi, 1e-4);
            Assert.Equal(1.0, vrr, 1e-3);
            Assert.Equal(0.0, vri, 1e-3);
            Assert.Equal(1.0, vii, 1e-3);
        }
    }

    [Fact]
    public void Backward_Training_GivesFiniteGradientsForGammaBetaAndInput()
    {
        using var scope = NewDisposeScope();
        using var bn = new ComplexBatchNorm1d(Channels);
        using var generator = new Generator(6, CPU);
        RandomAffine(bn, generator);
        var x = CorrelatedInput(generator).requires_grad_();
        bn.train();

        (bn.call(x).pow(3)).sum().backward();

        foreach (var g in new[] { bn.Weight.grad!, bn.Bias.grad!, x.grad! })
        {
            Assert.All(TestModels.Values(g), v => Assert.True(float.IsFinite(v)));
            Assert.True(g.abs().sum().item<float>() > 0);
        }
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.Equal(expected, actual, 1e-4 * Math.Max(1, Math.Abs(expected)));

    private static void RandomAffine(ComplexBatchNorm1d bn, Generator generator)
    {
        using var noGrad = no_grad();
        bn.Weight.copy_(rand([3, Channels], generator: generator) + 0.5);
        bn.Weight[1].sub_(1.0);
        bn.Bias.copy_(randn([2, Channels], generator: generator));
    }

    /// <summary>Per channel: re = a·n1 + m, im = b·n1 + d·n2 + m' with channel-dependent, strongly non-white statistics.</summary>
    private static Tensor CorrelatedInput(Generator generator)
    {
        var n1 = randn([Batch, Channels, Length], generator: generator);
        var n2 = randn([Batch, Channels, Length], generator: generator);
        var scale = arange(1, Channels + 1, ScalarType.Float32).view(1, Channels, 1);
        var re = (n1 * 2.0 * scale) + 1.5;
        var im = (n1 * 0.8) + (n2 * 0.3 * scale) - 0.7;
        return cat([re, im], 1);
    }

    private static (double[] Re, double[] Im) Channel(float[] values, int c)
    {
        var re = new List<double>();
        var im = new List<double>();
        for (var b = 0; b < Batch; b++)
        {
            for (var t = 0; t < Length; t++)
            {
                re.Add(values[(((b * 2 * Channels) + c) * Length) + t]);
                im.Add(values[(((b * 2 * Channels) + Channels + c) * Length) + t]);
            }
        }

        return (re.ToArray(), im.ToArray());
    }

    private static (double Mr, double Mi, double Vrr, double Vri, double Vii) Moments(double[] re, double[] im, bool unbiased)
    {
        var n = re.Length;
        var mr = re.Average();
        var mi = im.Average();
        var divisor = unbiased ? n - 1 : n;
        var vrr = re.Sum(v => (v - mr) * (v - mr)) / divisor;
        var vii = im.Sum(v => (v - mi) * (v - mi)) / divisor;
        var vri = re.Zip(im).Sum(p => (p.First - mr) * (p.Second - mi)) / divisor;
        return (mr, mi, vrr, vri, vii);
    }

    /// <summary>V^(-1/2) of the symmetric 2×2 matrix [[a, b], [b, d]] by eigen-decomposition (Jacobi rotation).</summary>
    private static double[,] InverseSqrt(double a, double b, double d)
    {
        var theta = 0.5 * Math.Atan2(2 * b, a - d);
        var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
        var l1 = (a * cos * cos) + (2 * b * sin * cos) + (d * sin * sin);
        var l2 = (a * sin * sin) - (2 * b * sin * cos) + (d * cos * cos);
        var (s1, s2) = (1 / Math.Sqrt(l1), 1 / Math.Sqrt(l2));
        return new[,]
        {
            { (s1 * cos * cos) + (s2 * sin * sin), (s1 - s2) * cos * sin },
            { (s1 - s2) * cos * sin, (s1 * sin * sin) + (s2 * cos * cos) },
        };
    }

    private static void AssertChannel(float[] y, int c, double[] re, double[] im, double mr, double mi, double[,] w, float[] gamma, float[] beta)
    {
        var (grr, gri, gii) = (gamma[c], gamma[Channels + c], gamma[(2 * Channels) + c]);
        var (actualRe, actualIm) = Channel(y, c);
        for (var i = 0; i < re.Length; i++)
        {
            var (cr, ci) = (re[i] - mr, im[i] - mi);
            var (hr, hi) = ((w[0, 0] * cr) + (w[0, 1] * ci), (w[1, 0] * cr) + (w[1, 1] * ci));
            var expectedRe = (grr * hr) + (gri * hi) + beta[c];
            var expectedIm = (gri * hr) + (gii * hi) + beta[Channels + c];
            Assert.Equal(expectedRe, actualRe[i], 1e-3 * Math.Max(1, Math.Abs(expectedRe)));
            Assert.Equal(expectedIm, actualIm[i], 1e-3 * Math.Max(1, Math.Abs(expectedIm)));
        }
    }
}
