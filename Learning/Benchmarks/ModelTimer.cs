using static TorchSharp.torch;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>Times inference and training steps of a model on random IQ input.</summary>
internal static class ModelTimer
{
    /// <summary>Seconds of one eval-mode forward pass of a batch under no_grad.</summary>
    public static TimingResult Infer(nn.Module<Tensor, Tensor> model, int batch, int length, BenchmarkSettings settings)
    {
        model.eval();
        using var input = RandomInput(batch, length, settings.Seed);
        return Timing.Measure(
            () =>
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                model.call(input);
            },
            settings);
    }

    /// <summary>Seconds of one training step (forward, cross-entropy, backward, Adam step) of a batch.</summary>
    public static TimingResult TrainStep(nn.Module<Tensor, Tensor> model, int batch, int length, int classes, BenchmarkSettings settings)
    {
        model.train();
        using var input = RandomInput(batch, length, settings.Seed);
        using var generator = new Generator((ulong)settings.Seed + 1, CPU);
        using var labels = randint(0, classes, [batch], generator: generator);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        return Timing.Measure(
            () =>
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(input), labels);
                loss.backward();
                optimizer.step();
            },
            settings);
    }

    /// <summary>
    /// Train-mode forward passes without gradients, so that the batch-norm running statistics match the
    /// input as in a trained model (with the initial statistics, eval-mode activations of an untrained
    /// network drift into ranges, down to denormal floats, that no trained model produces).
    /// </summary>
    public static void Calibrate(nn.Module<Tensor, Tensor> model, Models.ModelSpec spec, int passes, long seed)
    {
        model.train();
        for (var i = 0; i < passes; i++)
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.call(RandomInput(32, spec.InputLength, seed + 100 + i));
        }

        model.eval();
    }

    /// <summary>Gaussian IQ input <c>[batch, 2, length]</c>.</summary>
    public static Tensor RandomInput(int batch, int length, long seed)
    {
        using var generator = new Generator((ulong)seed, CPU);
        return randn([batch, 2, length], generator: generator);
    }
}
