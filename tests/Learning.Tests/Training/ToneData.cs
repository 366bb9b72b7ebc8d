using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Tests.Training;

/// <summary>Synthetic labelled IQ data: class k is a complex tone of its own frequency, with random phase and amplitude, in noise.</summary>
internal static class ToneData
{
    public static SignalDataset Create(int perClass, int classes = 3, int length = 64, int[]? snrs = null, int seed = 7, string name = "tones")
    {
        snrs ??= [0, 10, 20];
        var rng = new Random(seed);
        var n = perClass * classes;
        var x = new float[n * 2 * length];
        var y = new long[n];
        var snr = new int[n];
        var names = Enumerable.Range(0, classes).Select(k => $"tone{k}").ToArray();
        for (var i = 0; i < n; i++)
        {
            var k = i % classes;
            y[i] = k;
            snr[i] = snrs[(i / classes) % snrs.Length];
            var frequency = (k + 1) * 0.35 / classes;
            var phase = rng.NextDouble() * 2 * Math.PI;
            var amplitude = 0.5 + rng.NextDouble();
            var sigma = amplitude * Math.Pow(10, -snr[i] / 20.0) / Math.Sqrt(2);
            for (var t = 0; t < length; t++)
            {
                var angle = (2 * Math.PI * frequency * t) + phase;
                x[(i * 2 * length) + t] = (float)((amplitude * Math.Cos(angle)) + (sigma * Gaussian(rng)));
                x[(i * 2 * length) + length + t] = (float)((amplitude * Math.Sin(angle)) + (sigma * Gaussian(rng)));
            }
        }

        return new SignalDataset(x, y, snr, names, length, name);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
