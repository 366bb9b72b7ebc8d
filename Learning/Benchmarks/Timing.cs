using System.Diagnostics;
using System.Globalization;

namespace CloudEdge.Learning.Benchmarks;

/// <summary>
/// Times a repeated action: warm-up runs, then runs until a minimum time and count are reached. The
/// machines are shared and noisy (other builds and tests run on the same two cores), so the best run is
/// reported next to the median, together with the 1-minute load average over the measurement.
/// </summary>
internal static class Timing
{
    /// <summary>Seconds per run of <paramref name="action"/>.</summary>
    public static TimingResult Measure(Action action, BenchmarkSettings settings, double secondsScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(settings);
        for (var i = 0; i < settings.Warmup; i++)
        {
            action();
        }

        var loadBefore = LoadAverage();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < settings.MinRuns || total.Elapsed.TotalSeconds < settings.MinSeconds * secondsScale)
        {
            var run = Stopwatch.StartNew();
            action();
            times.Add(run.Elapsed.TotalSeconds);
        }

        times.Sort();
        return new TimingResult(times[0], times[times.Count / 2], times.Count, (loadBefore + LoadAverage()) / 2);
    }

    /// <summary>The 1-minute load average of the machine (NaN where /proc/loadavg is absent).</summary>
    public static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
