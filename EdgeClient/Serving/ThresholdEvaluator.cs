using System.Globalization;
using CloudEdge.Signals.Wire;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Computes the results of every routing threshold from one pass's records: a sample whose confidence is below
/// the threshold counts as answered by the cloud (the teacher's answer and time; the edge's when the cloud
/// failed), any other as answered by the edge. The run sent every sample below the largest threshold to the
/// cloud, so lower thresholds' cloud latencies were measured under that larger cloud load (an upper bound).
/// </summary>
public static class ThresholdEvaluator
{
    /// <summary>The row of a fixed threshold.</summary>
    public static ThresholdRow Fixed(IReadOnlyList<ServedSample> samples, double threshold, IReadOnlyList<string> classes) =>
        Evaluate(samples, s => s.Confidence < threshold, classes) with { Value = threshold };

    /// <summary>The row of the adaptive controller: the routing it decided at run time, with its mean threshold.</summary>
    public static ThresholdRow Adaptive(IReadOnlyList<ServedSample> samples, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var applied = samples.Where(s => !float.IsNaN(s.AdaptiveThreshold)).Select(s => (double)s.AdaptiveThreshold).ToList();
        return Evaluate(samples, s => s.AdaptiveToCloud, classes) with { Value = null, MeanThreshold = applied.Count > 0 ? applied.Average() : null };
    }

    /// <summary>The row for any routing rule <paramref name="toCloud"/>.</summary>
    public static ThresholdRow Evaluate(IReadOnlyList<ServedSample> samples, Func<ServedSample, bool> toCloud, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(toCloud);
        ArgumentNullException.ThrowIfNull(classes);
        int edgeSamples = 0, cloudSamples = 0, degraded = 0;
        int labelled = 0, correct = 0, edgeLabelled = 0, edgeCorrect = 0, cloudLabelled = 0, cloudCorrect = 0;
        long bytes = 0;
        long firstReceived = long.MaxValue, lastDone = long.MinValue;
        var edgeLatency = new List<double>();
        var cloudLatency = new List<double>();
        var classTotals = new int[classes.Count];
        var classCorrect = new int[classes.Count];
        var snr = new SortedDictionary<int, (int Correct, int Total)>();
        foreach (var s in samples)
        {
            var cloud = toCloud(s);
            int prediction;
            long done;
            if (cloud)
            {
                cloudSamples++;
                bytes += s.PayloadBytes;
                degraded += s.Degraded ? 1 : 0;
                prediction = s.CloudRoutedPrediction;
                done = s.CloudRoutedDoneAtMicros;
                cloudLatency.Add(UnixMicros.ElapsedMs(s.SentAtMicros, done));
            }
            else
            {
                edgeSamples++;
                prediction = s.EdgePrediction;
                done = s.EdgeAnsweredAtMicros;
                edgeLatency.Add(UnixMicros.ElapsedMs(s.SentAtMicros, done));
            }

            firstReceived = Math.Min(firstReceived, s.ReceivedAtMicros);
            lastDone = Math.Max(lastDone, done);
            if (s.Label < 0 || s.Label >= classes.Count)
            {
                continue;
            }

            var hit = prediction == s.Label ? 1 : 0;
            labelled++;
            correct += hit;
            classTotals[s.Label]++;
            classCorrect[s.Label] += hit;
            if (cloud)
            {
                cloudLabelled++;
                cloudCorrect += hit;
            }
            else
            {
                edgeLabelled++;
                edgeCorrect += hit;
            }

            if (s.Snr != WireFormat.UnknownSnr)
            {
                snr.TryGetValue(s.Snr, out var t);
                snr[s.Snr] = (t.Correct + hit, t.Total + 1);
            }
        }

        var spanSeconds = samples.Count > 0 ? (lastDone - firstReceived) / 1e6 : 0;
        var perClass = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            perClass[classes[c]] = classTotals[c] == 0 ? null : (double)classCorrect[c] / classTotals[c];
        }

        return new ThresholdRow
        {
            Samples = samples.Count,
            Labelled = labelled,
            OverallAccuracy = Ratio(correct, labelled) ?? 0,
            EdgeAccuracy = Ratio(edgeCorrect, edgeLabelled),
            CloudAccuracy = Ratio(cloudCorrect, cloudLabelled),
            CloudCallRate = samples.Count == 0 ? 0 : (double)cloudSamples / samples.Count,
            EdgeSamples = edgeSamples,
            CloudSamples = cloudSamples,
            Degraded = degraded,
            BytesToCloud = bytes,
            ThroughputSps = spanSeconds > 0 ? samples.Count / spanSeconds : 0,
            Latency = LatencySummary.Of(edgeLatency.Concat(cloudLatency)),
            EdgeLatency = LatencySummary.Of(edgeLatency),
            CloudLatency = LatencySummary.Of(cloudLatency),
            PerClass = perClass,
            PerSnr = snr.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => (double)kv.Value.Correct / kv.Value.Total, StringComparer.Ordinal),
        };
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
