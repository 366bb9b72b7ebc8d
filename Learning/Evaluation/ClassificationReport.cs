using System.Globalization;
using System.Text.Json.Serialization;

namespace CloudEdge.Learning.Evaluation;

/// <summary>
/// Accuracy of a classifier on labelled samples: overall, per class (recall), per SNR and the confusion
/// matrix (rows = true class, columns = predicted class). Serialises to the keys scripts rely on:
/// <c>n</c>, <c>classes</c>, <c>overall_accuracy</c>, <c>per_class</c>, <c>per_snr</c>, <c>confusion</c>
/// (plus <c>per_snr_count</c> and, when set, <c>skipped_classes</c>).
/// </summary>
public sealed record ClassificationReport
{
    [JsonPropertyName("n")]
    public required int N { get; init; }

    [JsonPropertyName("classes")]
    public required IReadOnlyList<string> Classes { get; init; }

    [JsonPropertyName("overall_accuracy")]
    public required double OverallAccuracy { get; init; }

    /// <summary>Accuracy on each class's samples; null for a class without samples.</summary>
    [JsonPropertyName("per_class")]
    public required IReadOnlyDictionary<string, double?> PerClass { get; init; }

    /// <summary>Accuracy per SNR (dB, as text), ascending; empty when the SNRs are unknown.</summary>
    [JsonPropertyName("per_snr")]
    public required IReadOnlyDictionary<string, double> PerSnr { get; init; }

    /// <summary>Samples per SNR, same keys as <see cref="PerSnr"/>.</summary>
    [JsonPropertyName("per_snr_count")]
    public required IReadOnlyDictionary<string, int> PerSnrCount { get; init; }

    /// <summary><c>Confusion[t][p]</c> = samples of true class t predicted as p.</summary>
    [JsonPropertyName("confusion")]
    public required IReadOnlyList<IReadOnlyList<long>> Confusion { get; init; }

    /// <summary>Classes of the evaluated file that the model does not know (their samples were left out).</summary>
    [JsonPropertyName("skipped_classes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SkippedClasses { get; init; }

    /// <summary>
    /// Builds the report. <paramref name="snr"/> may be empty (SNR unknown); otherwise it has one entry per sample.
    /// </summary>
    public static ClassificationReport Compute(IReadOnlyList<string> classes, ReadOnlySpan<long> labels, ReadOnlySpan<long> predicted, ReadOnlySpan<int> snr = default)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (predicted.Length != labels.Length || (!snr.IsEmpty && snr.Length != labels.Length))
        {
            throw new ArgumentException($"{labels.Length} labels, {predicted.Length} predictions and {snr.Length} SNRs do not match");
        }

        var c = classes.Count;
        var confusion = new long[c][];
        for (var t = 0; t < c; t++)
        {
            confusion[t] = new long[c];
        }

        var bySnr = new SortedDictionary<int, (int Correct, int Total)>();
        long correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var (t, p) = (labels[i], predicted[i]);
            if (t < 0 || t >= c || p < 0 || p >= c)
            {
                throw new ArgumentException($"sample {i}: label {t} or prediction {p} is outside the {c} classes");
            }

            confusion[t][p]++;
            var hit = t == p ? 1 : 0;
            correct += hit;
            if (!snr.IsEmpty)
            {
                bySnr.TryGetValue(snr[i], out var s);
                bySnr[snr[i]] = (s.Correct + hit, s.Total + 1);
            }
        }

        var perClass = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var t = 0; t < c; t++)
        {
            var total = confusion[t].Sum();
            perClass[classes[t]] = total == 0 ? null : (double)confusion[t][t] / total;
        }

        var perSnr = new Dictionary<string, double>(StringComparer.Ordinal);
        var perSnrCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (db, (ok, total)) in bySnr)
        {
            var key = db.ToString(CultureInfo.InvariantCulture);
            perSnr[key] = (double)ok / total;
            perSnrCount[key] = total;
        }

        return new ClassificationReport
        {
            N = labels.Length,
            Classes = [.. classes],
            OverallAccuracy = labels.Length == 0 ? 0 : (double)correct / labels.Length,
            PerClass = perClass,
            PerSnr = perSnr,
            PerSnrCount = perSnrCount,
            Confusion = confusion,
        };
    }

    /// <summary>Accuracy over the samples whose SNR is at least <paramref name="minSnrDb"/>; null when there are none (or SNRs are unknown).</summary>
    public double? AccuracyAtOrAbove(int minSnrDb)
    {
        double correct = 0;
        var total = 0;
        foreach (var (key, accuracy) in PerSnr)
        {
            var db = int.Parse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (db >= minSnrDb && PerSnrCount.TryGetValue(key, out var count))
            {
                correct += accuracy * count;
                total += count;
            }
        }

        return total == 0 ? null : correct / total;
    }
}
