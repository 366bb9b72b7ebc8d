namespace CloudEdge.Learning.Benchmarks;

/// <summary>Common knobs of every benchmark.</summary>
/// <param name="Threads">torch intra-op threads.</param>
/// <param name="Warmup">Untimed runs before timing.</param>
/// <param name="MinRuns">Timed runs at least.</param>
/// <param name="MinSeconds">Timed seconds at least.</param>
/// <param name="Seed">Seed for weights and inputs.</param>
internal sealed record BenchmarkSettings(int Threads, int Warmup, int MinRuns, double MinSeconds, long Seed);
