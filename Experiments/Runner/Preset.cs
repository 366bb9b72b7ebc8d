namespace CloudEdge.Experiments.Runner;

/// <summary>
/// Sizes of one run: data, teacher and student sizes, epochs, rounds, stream length. <c>quick</c> fits in
/// 15 minutes on a 2-core CPU; <c>full</c> is the reference system's sizes (a GPU machine); <c>tiny</c> is for tests.
/// </summary>
public sealed record Preset(
    string Name,
    int SamplesPerClass,
    double TeacherWidth,
    string? TeacherDepth,
    int TeacherEpochs,
    double StudentWidth,
    string? StudentDepth,
    int StudentEpochs,
    int StudentBatch,
    int FlRounds,
    int FlLocalEpochs,
    int StreamSamples,
    int StreamRate)
{
    public static Preset Quick { get; } = new("quick", 4000, 0.25, "1,1,1,1", 10, 1.0, null, 12, 64, 4, 2, 2000, 400);

    public static Preset Full { get; } = new("full", 20_000, 1.0, null, 100, 1.0, null, 50, 64, 10, 1, 10_000, 1000);

    public static Preset Tiny { get; } = new("tiny", 40, 0.125, "1,1,1,1", 1, 0.25, "1,1,1", 1, 32, 2, 1, 300, 300);

    public static Preset Get(string name) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "full" => Full,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"--preset: unknown preset '{name}' (quick, full, tiny)"),
    };
}
