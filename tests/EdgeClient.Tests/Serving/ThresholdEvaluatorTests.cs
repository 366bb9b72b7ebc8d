using CloudEdge.EdgeClient.Serving;
using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class ThresholdEvaluatorTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    [Fact]
    public void Fixed_HandMadeRecords_SplitsAccuraciesBytesAndLatencies()
    {
        ServedSample[] samples =
        [
            Edge(1, label: 0, prediction: 0, confidence: 0.9f, edgeMs: 10),
            Edge(2, label: 1, prediction: 2, confidence: 0.8f, edgeMs: 20),
            Cloud(3, label: 2, prediction: 0, confidence: 0.3f, edgeMs: 10, CloudOutcome.Answered, teacher: 2, cloudMs: 100),
            Cloud(4, label: 1, prediction: 1, confidence: 0.2f, edgeMs: 10, CloudOutcome.Failed, teacher: -1, cloudMs: 50),
        ];

        var row = ThresholdEvaluator.Fixed(samples, 0.5, Classes);

        Assert.Equal(0.5, row.Value);
        Assert.Equal((2, 2, 4), (row.EdgeSamples, row.CloudSamples, row.Samples));
        Assert.Equal(0.5, row.CloudCallRate);
        Assert.Equal(0.75, row.OverallAccuracy);
        Assert.Equal(0.5, row.EdgeAccuracy);
        Assert.Equal(1.0, row.CloudAccuracy);
        Assert.Equal(1, row.Degraded);
        Assert.Equal(2 * 32, row.BytesToCloud);
        Assert.Equal(15, row.EdgeLatency!.P50, 6);
        Assert.Equal(75, row.CloudLatency!.P50, 6);
        Assert.Equal(100, row.Latency!.Max, 6);
        Assert.Equal(1.0, row.PerClass["a"]);
        Assert.Equal(0.5, row.PerClass["b"]);
        Assert.Equal(1.0, row.PerClass["c"]);
    }

    [Fact]
    public void Fixed_ThresholdZero_EverythingAtTheEdge()
    {
        var row = ThresholdEvaluator.Fixed(Mixed(), 0, Classes);

        Assert.Equal(0, row.CloudCallRate);
        Assert.Equal(0, row.CloudSamples);
        Assert.Equal(0, row.BytesToCloud);
        Assert.Null(row.CloudAccuracy);
        Assert.Null(row.CloudLatency);
    }

    [Fact]
    public void Fixed_ThresholdAboveOne_EverythingToTheCloud()
    {
        var samples = Mixed();

        var row = ThresholdEvaluator.Fixed(samples, 1.01, Classes);

        Assert.Equal(1, row.CloudCallRate);
        Assert.Equal(samples.Count, row.CloudSamples);
        Assert.Null(row.EdgeAccuracy);
    }

    [Fact]
    public void Fixed_AnyThreshold_EdgePlusCloudIsEverySample()
    {
        var samples = Mixed();
        foreach (var t in new[] { 0, 0.1, 0.35, 0.5, 0.77, 0.99, 1, 1.5 })
        {
            var row = ThresholdEvaluator.Fixed(samples, t, Classes);
            Assert.Equal(samples.Count, row.EdgeSamples + row.CloudSamples);
            Assert.Equal(samples.Count, row.Latency!.Count);
        }
    }

    [Fact]
    public void Fixed_IncreasingThresholds_CloudRateAndBytesNeverFall()
    {
        var samples = Mixed();
        var rows = Enumerable.Range(0, 23).Select(i => ThresholdEvaluator.Fixed(samples, i * 0.05, Classes)).ToList();

        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].CloudCallRate >= rows[i - 1].CloudCallRate, $"cloud rate falls between thresholds {rows[i - 1].Value} and {rows[i].Value}");
            Assert.True(rows[i].BytesToCloud >= rows[i - 1].BytesToCloud);
        }

        Assert.True(rows[^1].CloudCallRate > rows[0].CloudCallRate);
    }

    [Fact]
    public void Fixed_UnlabelledAndUnknownSnr_LeftOutOfAccuracy()
    {
        ServedSample[] samples =
        [
            Edge(1, label: 0, prediction: 0, confidence: 0.9f, edgeMs: 1, snr: 4),
            Edge(2, label: -1, prediction: 1, confidence: 0.9f, edgeMs: 1, snr: WireFormat.UnknownSnr),
            Edge(3, label: 1, prediction: 2, confidence: 0.9f, edgeMs: 1, snr: -2),
        ];

        var row = ThresholdEvaluator.Fixed(samples, 0.5, Classes);

        Assert.Equal(3, row.Samples);
        Assert.Equal(2, row.Labelled);
        Assert.Equal(0.5, row.OverallAccuracy);
        Assert.Equal(["-2", "4"], row.PerSnr.Keys);
        Assert.Null(row.PerClass["c"]);
    }

    [Fact]
    public void Adaptive_UsesTheRunTimeDecisionsAndMeanThreshold()
    {
        ServedSample[] samples =
        [
            new() { Id = 1, Label = 0, EdgePrediction = 0, Confidence = 0.9f, AdaptiveThreshold = 0.4f, AdaptiveToCloud = false, EdgeAnsweredAtMicros = 1000 },
            new() { Id = 2, Label = 0, EdgePrediction = 1, Confidence = 0.6f, AdaptiveThreshold = 0.8f, AdaptiveToCloud = true, SentToCloud = true, Cloud = CloudOutcome.Answered, CloudPrediction = 0, CloudDoneAtMicros = 5000 },
        ];

        var row = ThresholdEvaluator.Adaptive(samples, Classes);

        Assert.Null(row.Value);
        Assert.Equal("adaptive", row.Threshold);
        Assert.Equal(0.6, row.MeanThreshold!.Value, 6);
        Assert.Equal((1, 1), (row.EdgeSamples, row.CloudSamples));
        Assert.Equal(1.0, row.OverallAccuracy);
    }

    private static List<ServedSample> Mixed()
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, 200).Select(i =>
        {
            var confidence = (float)random.NextDouble();
            var label = random.Next(3);
            return Cloud(i, label, prediction: random.Next(3), confidence, edgeMs: random.Next(1, 20), CloudOutcome.Answered, teacher: label, cloudMs: random.Next(20, 200));
        })];
    }

    private static ServedSample Edge(long id, int label, int prediction, float confidence, double edgeMs, int snr = WireFormat.UnknownSnr) => new()
    {
        Id = id,
        Label = label,
        Snr = snr,
        EdgePrediction = prediction,
        Confidence = confidence,
        EdgeAnsweredAtMicros = (long)(edgeMs * 1000),
        PayloadBytes = 32,
    };

    private static ServedSample Cloud(long id, int label, int prediction, float confidence, double edgeMs, CloudOutcome outcome, int teacher, double cloudMs) => new()
    {
        Id = id,
        Label = label,
        EdgePrediction = prediction,
        Confidence = confidence,
        EdgeAnsweredAtMicros = (long)(edgeMs * 1000),
        PayloadBytes = 32,
        SentToCloud = true,
        Cloud = outcome,
        CloudPrediction = teacher,
        CloudDoneAtMicros = (long)(cloudMs * 1000),
    };
}
