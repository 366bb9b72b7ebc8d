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
            RunLayers(teachers, modes, trainBatch, rounds, settings, output);
        }

        RunModels(teachers, modes, inferBatch, trainBatch, rounds, settings, output);
    }

    private static void RunLayers(IEnumerable<ModelSpec> teachers, IReadOnlyList<ComplexConvMode> modes, int batch, int rounds, BenchmarkSettings settings, TextWriter output)
    {
        var once = settings with { Warmup = 0, MinRuns = 1, MinSeconds = 0 };
        output.WriteLine($"Distinct complex convolutions of the teachers, batch {batch}, best of {rounds} round-robin rounds per mode (forward; forward + backward):");
        output.WriteLine();
        output.WriteLine("| layer (complex channels) | count | mode | fwd ms | fwd real GFLOP/s | fwd+bwd ms | load |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var spec in teachers)
        {
            var profile = ModelRegistry.Describe(spec);
            var shapes = profile.Layers
                .Select((l, i) => (Layer: l, InLength: i == 0 ? spec.InputLength : InputLength(profile.Layers, i)))
                .Where(x => x.Layer.Kind == "cconv")
                .GroupBy(x => (x.Layer.InChannels, x.Layer.OutChannels, x.Layer.Kernel, x.Layer.Stride, x.InLength))
                .ToList();
            foreach (var group in shapes)
            {
                var (cin, cout, k, stride, length) = group.Key;
                using var conv = new ComplexConv1d(cin, cout, k, stride, k / 2);
                using var x = randn(batch, 2 * cin, length);
                var flops = 2.0 * group.First().Layer.Macs * batch;
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
                        $"| {cin}→{cout}, k{k}, s{stride}, L {length} | {group.Count()} | {mode} | {forward[mode] * 1e3:F2} | {flops / forward[mode] / 1e9:F1} | {backward[mode] * 1e3:F2} | {load.Average():F1} |"));
                }

                output.Flush();
            }
        }
    }

    /// <summary>Input length of layer <paramref name="index"/>: the output length of the layer feeding it.</summary>
    private static long InputLength(IReadOnlyList<LayerProfile> layers, int index)
    {
        var layer = layers[index];
        if (layer.Name.EndsWith(".conv1", StringComparison.Ordinal) || layer.Name.EndsWith(".downsample.0", StringComparison.Ordinal))
        {
            // First convolution of a block (or its shortcut): the block input = output of the previous block / stem.
            var prefix = layer.Name[..layer.Name.LastIndexOf(layer.Name.EndsWith(".conv1", StringComparison.Ordinal) ? ".conv1" : ".downsample.0", StringComparison.Ordinal)];
            var first = layers.Select((l, i) => (l, i)).First(x => x.l.Name.StartsWith(prefix + ".", StringComparison.Ordinal)).i;
            return layers[first - 1].OutLength;
        }

        return layers[index - 1].OutLength;
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
