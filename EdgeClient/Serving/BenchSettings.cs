namespace CloudEdge.EdgeClient.Serving;

/// <summary>What <c>serve --bench</c> measures: batch size and delay of the pipeline, samples per run, repeats, and the loads (fractions of the measured pipeline throughput) for the latency runs.</summary>
public sealed record BenchSettings(int BatchSize, TimeSpan MaxDelay, int Samples, int Repeats, IReadOnlyList<double> Loads)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (BatchSize < 1 || Samples < BatchSize || Repeats < 1)
        {
            throw new ArgumentException($"--bench needs --batch-size ≥ 1, --total-samples ≥ the batch size and --bench-repeats ≥ 1 (got {BatchSize}, {Samples}, {Repeats})");
        }

        if (Loads.Any(l => !(l > 0 && l < 1.5)))
        {
            throw new ArgumentException($"--bench-loads must be fractions in (0, 1.5) (got {string.Join(" ", Loads)})");
        }
    }
}
