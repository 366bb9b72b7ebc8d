using System.Text.Json;
using System.Text.Json.Nodes;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;

namespace CloudEdge.Learning.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    private static readonly string[] Classes = ["A", "B", "C"];

    // 8 samples: true / predicted / snr
    private static readonly long[] Labels = [0, 0, 0, 1, 1, 1, 1, 2];
    private static readonly long[] Predicted = [0, 0, 1, 1, 1, 2, 1, 0];
    private static readonly int[] Snrs = [-10, 10, 10, -10, 10, 18, 18, -10];

    [Fact]
    public void Compute_HandMadeExample_GivesConfusionAndAccuracies()
    {
        var report = ClassificationReport.Compute(Classes, Labels, Predicted, Snrs);

        Assert.Equal(8, report.N);
        Assert.Equal(5.0 / 8, report.OverallAccuracy, 12);
        Assert.Equal([2L, 1, 0], report.Confusion[0]);
        Assert.Equal([0L, 3, 1], report.Confusion[1]);
        Assert.Equal([1L, 0, 0], report.Confusion[2]);
        Assert.Equal(2.0 / 3, report.PerClass["A"]!.Value, 12);
        Assert.Equal(0.75, report.PerClass["B"]);
        Assert.Equal(0.0, report.PerClass["C"]);
        Assert.Equal(["-10", "10", "18"], report.PerSnr.Keys);
        Assert.Equal(2.0 / 3, report.PerSnr["-10"], 12);
        Assert.Equal(2.0 / 3, report.PerSnr["10"], 12);
        Assert.Equal(0.5, report.PerSnr["18"]);
        Assert.Equal(3, report.PerSnrCount["10"]);
        Assert.Equal(0.6, report.AccuracyAtOrAbove(10)!.Value, 12);
        Assert.Null(report.AccuracyAtOrAbove(20));
    }

    [Fact]
    public void Compute_ClassWithoutSamplesAndUnknownSnr_GivesNullAccuracyAndNoSnrTable()
    {
        var report = ClassificationReport.Compute(Classes, [0L, 1], [0L, 0]);

        Assert.Null(report.PerClass["C"]);
        Assert.Empty(report.PerSnr);
        Assert.Null(report.AccuracyAtOrAbove(0));
    }

    [Fact]
    public void Compute_MismatchedLengthsOrLabelOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute(Classes, [0L, 1], [0L]));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute(Classes, [0L, 3], [0L, 0]));
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute(Classes, [0L, 1], [0L, 1], [5]));
    }

    [Fact]
    public void Serialize_Report_UsesTheDocumentedKeysAndRoundTrips()
    {
        var report = ClassificationReport.Compute(Classes, Labels, Predicted, Snrs) with { SkippedClasses = ["WBFM"] };

        var json = JsonSerializer.Serialize(report, LearningJson.Options);
        var node = JsonNode.Parse(json)!.AsObject();
        var back = JsonSerializer.Deserialize<ClassificationReport>(json, LearningJson.Options)!;

        Assert.Equal(8, (int)node["n"]!);
        Assert.Equal(3, node["classes"]!.AsArray().Count);
        Assert.Equal(0.625, (double)node["overall_accuracy"]!);
        Assert.Equal(0.75, (double)node["per_class"]!["B"]!);
        Assert.Equal(0.5, (double)node["per_snr"]!["18"]!);
        Assert.Equal(3, (long)node["confusion"]![1]![1]!);
        Assert.Equal("WBFM", (string)node["skipped_classes"]![0]!);
        Assert.Equal(report.Confusion.SelectMany(r => r), back.Confusion.SelectMany(r => r));
        Assert.Equal(report.PerSnr, back.PerSnr);
        Assert.DoesNotContain("skipped_classes", JsonSerializer.Serialize(report with { SkippedClasses = null }, LearningJson.Options), StringComparison.Ordinal);
    }
}
