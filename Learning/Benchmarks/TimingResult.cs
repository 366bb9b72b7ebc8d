namespace CloudEdge.Learning.Benchmarks;

/// <summary>Result of <see cref="Timing.Measure"/>.</summary>
/// <param name="Best">Fastest run, seconds.</param>
/// <param name="Median">Median run, seconds.</param>
/// <param name="Runs">Timed runs.</param>
/// <param name="Load">Mean 1-minute load average at the start and the end of the measurement.</param>
internal sealed record TimingResult(double Best, double Median, int Runs, double Load);
