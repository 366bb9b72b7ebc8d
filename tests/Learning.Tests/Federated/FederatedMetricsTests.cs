using CloudEdge.Learning.Federated;
using static CloudEdge.Learning.Tests.Federated.FederatedData;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class FederatedMetricsTests
{
    [Fact]
    public void WeightedMean_Metrics_WeightsByExamplesOverReportingEdges()
    {
        var weights = Random(new Random(1));
        ClientUpdate[] updates =
        [
            new("a", weights, 1, new Dictionary<string, double> { ["loss"] = 1.0, ["val_accuracy"] = 0.5 }),
            new("b", weights, 3, new Dictionary<string, double> { ["loss"] = 2.0 }),
        ];

        var metrics = FederatedMetrics.WeightedMean(updates);

        Assert.Equal(["loss", "val_accuracy"], metrics.Keys);
        Assert.Equal(1.75, metrics["loss"], 12);
        Assert.Equal(0.5, metrics["val_accuracy"], 12);
    }
}
