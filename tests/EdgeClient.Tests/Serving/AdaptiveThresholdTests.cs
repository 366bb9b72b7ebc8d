using CloudEdge.EdgeClient.Serving;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class AdaptiveThresholdTests
{
    [Fact]
    public void Threshold_BeforeWarmUp_IsTheInitialOne()
    {
        var adaptive = new AdaptiveThreshold(new AdaptiveSettings { TargetCloudRate = 0.2, WarmUp = 50, InitialThreshold = 0.42 });

        adaptive.Observe([.. Enumerable.Repeat(0.9f, 49)]);

        Assert.Equal(0.42, adaptive.Threshold);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void Observe_StationaryConfidences_HoldsTheTargetCloudRate(double target)
    {
        var adaptive = new AdaptiveThreshold(new AdaptiveSettings { TargetCloudRate = target, Window = 1000 });
        var random = new Random(3);
        int routed = 0, seen = 0;
        for (var batch = 0; batch < 400; batch++)
        {
            var confidences = Enumerable.Range(0, 50).Select(_ => (float)Math.Pow(random.NextDouble(), 0.3)).ToArray();
            if (batch >= 20)
            {
                routed += confidences.Count(c => c < adaptive.Threshold);
                seen += confidences.Length;
            }

            adaptive.Observe(confidences);
        }

        Assert.InRange((double)routed / seen, target - 0.02, target + 0.02);
    }

    [Fact]
    public void Observe_ConfidencesShift_ThresholdFollows()
    {
        var adaptive = new AdaptiveThreshold(new AdaptiveSettings { TargetCloudRate = 0.2, Window = 500 });
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
        {
            adaptive.Observe([.. Enumerable.Range(0, 50).Select(_ => (float)random.NextDouble())]);
        }

        var before = adaptive.Threshold;
        for (var i = 0; i < 20; i++)
        {
            adaptive.Observe([.. Enumerable.Range(0, 50).Select(_ => (float)(0.5 + (0.5 * random.NextDouble())))]);
        }

        Assert.InRange(before, 0.15, 0.25);
        Assert.InRange(adaptive.Threshold, 0.55, 0.65);
    }

    [Fact]
    public void QuantileThreshold_RateZeroAndOne_NothingOrEverythingBelow()
    {
        float[] sorted = [0.1f, 0.5f, 0.9f];

        Assert.Equal(0.1f, (float)AdaptiveThreshold.QuantileThreshold(sorted, 0));
        Assert.True(AdaptiveThreshold.QuantileThreshold(sorted, 1) > 0.9f);
        Assert.DoesNotContain(sorted, c => c < AdaptiveThreshold.QuantileThreshold(sorted, 0));
        Assert.All(sorted, c => Assert.True(c < AdaptiveThreshold.QuantileThreshold(sorted, 1)));
    }

    [Fact]
    public void LatencyController_AnswersSlowerThanTarget_CutsTheRate()
    {
        var controller = new LatencyRateController(targetMs: 50, initialRate: 0.5);

        for (var i = 0; i < 40; i++)
        {
            controller.Observe(200);
        }

        Assert.Equal(0.5 * 0.8 * 0.8, controller.Rate, 9);
    }

    [Fact]
    public void LatencyController_AnswersFast_RaisesTheRateUpToTheCap()
    {
        var controller = new LatencyRateController(targetMs: 50, initialRate: 0.2, maxRate: 0.3);

        for (var i = 0; i < 2000; i++)
        {
            controller.Observe(5);
        }

        Assert.Equal(0.3, controller.Rate, 9);
    }

    [Fact]
    public void LatencyController_AlwaysSlow_KeepsAMinimumProbeRate()
    {
        var controller = new LatencyRateController(targetMs: 50, initialRate: 0.5);

        for (var i = 0; i < 5000; i++)
        {
            controller.Observe(1000);
        }

        Assert.Equal(LatencyRateController.MinRate, controller.Rate);
    }

    [Fact]
    public void Observe_LatencyTargetMissed_ThresholdDrops()
    {
        var adaptive = new AdaptiveThreshold(new AdaptiveSettings { TargetLatencyMs = 20, Window = 500 });
        var random = new Random(9);
        adaptive.Observe([.. Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble())]);
        var before = adaptive.Threshold;

        for (var i = 0; i < 100; i++)
        {
            adaptive.ObserveCloudLatency(100);
        }

        adaptive.Observe([.. Enumerable.Range(0, 10).Select(_ => (float)random.NextDouble())]);
        Assert.True(adaptive.Threshold < before, $"threshold {adaptive.Threshold} did not drop from {before}");
        Assert.True(adaptive.TargetRate < 0.5);
    }

    [Fact]
    public void Settings_NoTarget_Rejected() =>
        Assert.Throws<ArgumentException>(() => new AdaptiveThreshold(new AdaptiveSettings()));

    [Fact]
    public void Settings_RateAboveOne_Rejected() =>
        Assert.Contains("--target-cloud-rate", Assert.Throws<ArgumentException>(() => new AdaptiveThreshold(new AdaptiveSettings { TargetCloudRate = 1.5 })).Message, StringComparison.Ordinal);
}
