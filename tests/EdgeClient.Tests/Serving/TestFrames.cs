using CloudEdge.EdgeClient.Serving;
using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Tests.Serving;

/// <summary>
/// Hand-made frames for the fake models: every sample is [2, 4] floats whose first value is the student's
/// prediction, the second its confidence and the third the teacher's prediction (see <see cref="FakeStudent"/>, <see cref="FakeCloud"/>).
/// </summary>
internal static class TestFrames
{
    public const int Length = 4;

    public static SampleBatchFrame Samples(long firstId, params (int Label, int Student, float Confidence, int Teacher)[] samples)
    {
        var n = samples.Length;
        var iq = new float[n * 2 * Length];
        for (var k = 0; k < n; k++)
        {
            iq[k * 2 * Length] = samples[k].Student;
            iq[(k * 2 * Length) + 1] = samples[k].Confidence;
            iq[(k * 2 * Length) + 2] = samples[k].Teacher;
        }

        return new SampleBatchFrame("dev", "rml2016", Length, [.. Enumerable.Range(0, n).Select(i => firstId + i)], [.. samples.Select(s => s.Label)],
            [.. Enumerable.Repeat(10, n)], [.. Enumerable.Repeat(1_000_000L, n)], iq);
    }

    /// <summary>A frame of <paramref name="count"/> samples with increasing ids and zero payload.</summary>
    public static SampleBatchFrame Plain(long firstId, int count) =>
        Samples(firstId, [.. Enumerable.Range(0, count).Select(_ => (0, 0, 0.5f, 0))]);

    public static DeviceMessage Message(SampleBatchFrame frame) => new(frame, null, 1_000_000);

    public static DeviceMessage End(long sent) => new(null, new EndOfStreamFrame("dev", "rml2016", sent), 1_000_000);
}
