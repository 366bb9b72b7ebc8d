using System.Globalization;
using CloudEdge.Learning.Models;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>bf16 against fp32 inference: speed and agreement of the outputs.</summary>
internal static class Bf16Benchmark
{
    public static void Run(IEnumerable<ModelSpec> specs, int inferBatch, int calibrationPasses, int rounds, BenchmarkSettings settings, TextWriter output)
    {
        output.WriteLine($"inference batch {inferBatch}; batch-norm statistics calibrated by {calibrationPasses} train-mode passes on Gaussian IQ input; agreement on {inferBatch} fresh Gaussian inputs; best of {rounds} alternating fp32/bf16 measurements");
        output.WriteLine();
        output.WriteLine("| model | fp32 samples/s | bf16 samples/s | speed-up | argmax agreement | max abs diff softmax | rel. logit error | load |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var spec in specs)
        {
            using var scope = NewDisposeScope();
            using var fp32 = ModelRegistry.Create(spec, settings.Seed);
            ModelTimer.Calibrate(fp32, spec, calibrationPasses, settings.Seed);
            using var bf16 = ModelRegistry.Create(spec, settings.Seed);
            bf16.load_state_dict(fp32.state_dict());
            ModelPrecision.ForInference(fp32, InferencePrecision.Float32);
            ModelPrecision.ForInference(bf16, InferencePrecision.BFloat16);

            var input = ModelTimer.RandomInput(inferBatch, spec.InputLength, settings.Seed + 7);
            Tensor reference, low;
            using (no_grad())
            {
                reference = fp32.call(input);
                low = bf16.call(input);
            }

            var agreement = reference.argmax(1).eq(low.argmax(1)).to(ScalarType.Float32).mean().item<float>();
            var softmaxDiff = (reference.softmax(1) - low.softmax(1)).abs().max().item<float>();
            var relative = ((reference - low).norm() / reference.norm()).item<float>();

            var tFp32 = double.MaxValue;
            var tBf16 = double.MaxValue;
            var load = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var a = ModelTimer.Infer(fp32, inferBatch, spec.InputLength, settings);
                var b = ModelTimer.Infer(bf16, inferBatch, spec.InputLength, settings);
                tFp32 = Math.Min(tFp32, a.Best);
                tBf16 = Math.Min(tBf16, b.Best);
                load.Add(Math.Max(a.Load, b.Load));
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {spec} | {inferBatch / tFp32:F1} | {inferBatch / tBf16:F1} | {tFp32 / tBf16:F2}× | {agreement:P1} | {softmaxDiff:E2} | {relative:E2} | {load.Average():F1} |"));
            output.Flush();
        }
    }
}
