using System.Globalization;
using CloudEdge.Learning.Layers;
using CloudEdge.Learning.Models;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>
/// Compares the <see cref="ComplexConvMode"/> schemes on single layers and on whole teachers. The modes
/// are measured round-robin (one run each per round) and the best run of each is kept, so that load from
/// other processes on the shared machine falls on all modes alike.
/// </summary>
internal static class ConvModeBenchmark
{
    public static void Run(IEnumerable<ModelSpec> teachers, IReadOnlyList<ComplexConvMode> modes, bool layers, int inferBatch, int trainBatch, int rounds, BenchmarkSettings settings, TextWriter output)
    {
        if (layers)
        {
            RunLayers(modes, rounds, settings, output);
        }

        RunModels(teachers, modes, inferBatch, trainBatch, rounds, settings, output);
    }

    private static void RunLayers(IReadOnlyList<ComplexConvMode> modes, int rounds, BenchmarkSettings settings, TextWriter output)
    {
        var once = settings with { Warmup = 0, MinRuns = 1, MinSeconds = 0 };
        output.WriteLine($"best of {rounds} round-robin rounds per mode");
        output.WriteLine();
        output.WriteLine("Single complex convolution layers (forward; forward + backward):");
        output.WriteLine();
        output.WriteLine("| layer (complex channels) | mode | fwd ms | fwd real GFLOP/s | fwd+bwd ms | load |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        (int Cin, int Cout, int K, int Batch, int Length)[] layers = [(64, 64, 3, 64, 128), (256, 256, 3, 256, 32), (512, 2048, 1, 256, 16)];
        foreach (var (cin, cout, k, batch, length) in layers)
        {
            using var conv = new ComplexConv1d(cin, cout, k, 1, k / 2);
            using var x = randn(batch, 2 * cin, length);
            var flops = 2.0 * 4 * cin * cout * k * length * batch;
            var forward = modes.ToDictionary(m => m, _ => double.MaxValue);
            var backward = modes.ToDictionary(m => m, _ => double.MaxValue);
            var load = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var mode in modes)
                {
                    conv.Mode = mode;
                    var f = Timing.Measure(() => Forward(conv, x), once);
                    var b = Timing.Measure(() => ForwardBackward(conv, x), once);
                    if (round > 0)
                    {
                        forward[mode] = Math.Min(forward[mode], f.Best);
                        backward[mode] = Math.Min(backward[mode], b.Best);
                        load.Add(f.Load);
                    }
                }
            }

            foreach (var mode in modes)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {cin}→{cout}, k{k}, B {batch}, L {length} | {mode} | {forward[mode] * 1e3:F1} | {flops / forward[mode] / 1e9:F1} | {backward[mode] * 1e3:F1} | {load.Average():F1} |"));
            }

            output.Flush();
        }

    }

    private static void RunModels(IEnumerable<ModelSpec> teachers, IReadOnlyList<ComplexConvMode> modes, int inferBatch, int trainBatch, int rounds, BenchmarkSettings settings, TextWriter output)
    {
        var once = settings with { Warmup = 0, MinRuns = 1, MinSeconds = 0 };
        output.WriteLine();
        output.WriteLine("Whole teachers:");
        output.WriteLine();
        output.WriteLine($"| model | mode | infer samples/s (batch {inferBatch}) | train samples/s (batch {trainBatch}) | load |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var spec in teachers)
        {
            using var model = new ComplexResNet(spec);
            ModelInitializer.Initialize(model, settings.Seed);
            var infer = modes.ToDictionary(m => m, _ => double.MaxValue);
            var train = modes.ToDictionary(m => m, _ => double.MaxValue);
            var load = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var mode in modes)
                {
                    model.SetConvMode(mode);
                    var i = ModelTimer.Infer(model, inferBatch, spec.InputLength, once);
                    var t = ModelTimer.TrainStep(model, trainBatch, spec.InputLength, spec.NumClasses, once);
                    if (round > 0)
                    {
                        infer[mode] = Math.Min(infer[mode], i.Best);
                        train[mode] = Math.Min(train[mode], t.Best);
                        load.Add(i.Load);
                    }
                }
            }

            foreach (var mode in modes)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {spec} | {mode} | {inferBatch / infer[mode]:F1} | {trainBatch / train[mode]:F1} | {load.Average():F1} |"));
            }

            output.Flush();
        }
    }

    private static void Forward(ComplexConv1d conv, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        conv.call(x);
    }

    private static void ForwardBackward(ComplexConv1d conv, Tensor x)
    {
        using var scope = NewDisposeScope();
        conv.zero_grad();
        conv.call(x).sum().backward();
    }
}
