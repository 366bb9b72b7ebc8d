using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.EndToEnd.Tests.Serving;
using CloudEdge.Cli;

namespace CloudEdge.EndToEnd.Tests;

/// <summary>The three tiers as real processes on loopback: device → edge (NetMQ) → grain (Orleans) and back.</summary>
[Collection(CloudCollection.Name)]
public sealed class SkeletonTests(SiloFixture cloud)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DeviceStream_ThroughEdgeToGrain_AnswerComesBack()
    {
        var devicePort = FreePorts.Take(1)[0];
        await using var edge = RunningProcess.Start("EdgeClient", "serve", "--edge-id", "7", "--dataset-type", "rml2016", "--edge-model-path", ServingArtifacts.Student(cloud),
            "--thresholds", "0.5", "--device-port", $"{devicePort}", "--device-bind", "127.0.0.1", "--cloud-port", $"{cloud.CloudPort}", "--devices", "1");
        await edge.WaitForLineAsync("edge 7: serving rml2016", Timeout);

        await using var device = RunningProcess.Start("DeviceSim", "stream", "--mode", "edge", "--dataset-type", "rml2016",
            "--edge-host", "127.0.0.1", "--edge-port", $"{devicePort}", "--total-samples", "30", "--batch-size", "10", "--interval", "0", "--seed", "3");
        Assert.Equal(0, await device.WaitForExitAsync(Timeout));
        Assert.Equal(0, await edge.WaitForExitAsync(Timeout));

        // The micro-batcher may merge the three frames into fewer batches.
        Assert.Contains("received 30 samples in 3 frames from 1 device(s) (devices announced 30); rejected 0 frame(s); cloud recorded 30 samples in ", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Http_ServesOrleansDashboardPage()
    {
        using var http = new HttpClient { Timeout = Timeout };
        var page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{cloud.DashboardPort}/"), TestContext.Current.CancellationToken);
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
    }
}
