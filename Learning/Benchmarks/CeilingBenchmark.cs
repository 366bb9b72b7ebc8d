using System.Globalization;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>The machine's current matmul ceiling (fp32 and bf16 2048³), to put model figures in context.</summary>
internal static class CeilingBenchmark
{
    public static void Run(BenchmarkSettings settings, TextWriter output)
    {
        output.WriteLine("| matmul 2048³ | GFLOP/s best (median) | load |");
        output.WriteLine("|---|---:|---:|");
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.BFloat16 })
        {
            using var a = randn(2048, 2048).to(dtype);
            using var b = randn(2048, 2048).to(dtype);
            var t = Timing.Measure(
                () =>
                {
                    using var scope = NewDisposeScope();
                    matmul(a, b);
                },
                settings,
                0.3);
            var flops = 2.0 * 2048 * 2048 * 2048 / 1e9;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {dtype} | {flops / t.Best:F1} ({flops / t.Median:F1}) | {t.Load:F1} |"));
            output.Flush();
        }
    }
}
