using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.Signals.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.EndToEnd.Tests.Serving;

/// <summary>Mode B (device → cloud): the silo's ingest endpoint with real processes on loopback.</summary>
[Collection(CloudCollection.Name)]
public sealed class IngestTests(SiloFixture cloud)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task StreamToCloud_EverySampleAnsweredWithAccuracyAndLatency()
    {
        var results = ServingArtifacts.ResultsPath(cloud, "mode-b");
        await using var device = RunningProcess.Start("DeviceSim", "stream", "--mode", "cloud", "--dataset-type", "rml2016", "--cloud-host", "127.0.0.1",
            "--cloud-port", $"{cloud.IngestPort}", "--total-samples", "250", "--batch-size", "50", "--rate", "500", "--seed", "6", "--device-id", "mode-b",
            "--save-results", results);

        Assert.Equal(0, await device.WaitForExitAsync(Timeout));
        var json = await ServingArtifacts.ReadJsonAsync(results);
        Assert.Equal(250, json.GetProperty("samples_sent").GetInt32());
        Assert.Equal(250, json.GetProperty("teacher_samples").GetInt32());
        Assert.Equal(0, json.GetProperty("samples_unanswered").GetInt32());
        Assert.Equal(0, json.GetProperty("samples_failed").GetInt32());
        Assert.InRange(json.GetProperty("overall_accuracy").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("bytes_to_cloud").GetInt64() > 250 * 2 * 128 * 4);
        var latency = json.GetProperty("latency_ms");
        Assert.True(latency.GetProperty("p50").GetDouble() > 0);
        Assert.True(latency.GetProperty("p99").GetDouble() >= latency.GetProperty("p95").GetDouble());
        await cloud.Process.WaitForLineAsync(l => l.Contains("end of stream from mode-b: 250 samples sent, 250 classified", StringComparison.Ordinal), "ingest end-of-stream line", Timeout);
    }

    [Fact]
    public async Task Ingest_MalformedFramesBetweenGoodOnes_GoodOnesAnswered()
    {
        using var dealer = new DealerSocket();
        dealer.Options.Linger = TimeSpan.Zero;
        dealer.Connect($"tcp://127.0.0.1:{cloud.IngestPort}");
        var good1 = Frame(1000, 10);
        var good2 = Frame(1010, 7);
        Send(dealer, [1, 2, 3]);
        Send(dealer, WireFormat.Encode(good1));
        Send(dealer, WireFormat.Encode(good2)[..40]);
        Send(dealer, WireFormat.Encode(new ResultBatchFrame("rml2016", [1], [0], [1f], 0)));
        Send(dealer, WireFormat.Encode(good2));

        var answered = new HashSet<long>();
        var deadline = DateTime.UtcNow + Timeout;
        while (answered.Count < 17 && DateTime.UtcNow < deadline)
        {
            if (dealer.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(200), out var bytes))
            {
                var results = WireFormat.Decode(bytes).Results;
                Assert.NotNull(results);
                Assert.All(results.Predictions, p => Assert.InRange(p, 0, 5));
                answered.UnionWith(results.Ids);
            }
        }

        Assert.Equal(Enumerable.Range(1000, 17).Select(i => (long)i).ToHashSet(), answered);
        await cloud.Process.WaitForLineAsync(l => l.Contains("Ingest dropped a frame (Truncated)", StringComparison.Ordinal), "ingest rejection line", Timeout);
        await cloud.Process.WaitForLineAsync(l => l.Contains("Ingest dropped a frame (UnknownKind)", StringComparison.Ordinal), "ingest rejection line", Timeout);
    }

    private static SampleBatchFrame Frame(long firstId, int count)
    {
        var random = new Random((int)firstId);
        return new SampleBatchFrame("ingest-test", "rml2016", 128, [.. Enumerable.Range(0, count).Select(i => firstId + i)], [.. Enumerable.Repeat(2, count)],
            [.. Enumerable.Repeat(0, count)], [.. Enumerable.Repeat(UnixMicros.Now(), count)], [.. Enumerable.Range(0, count * 256).Select(_ => (float)random.NextDouble())]);
    }

    private static void Send(DealerSocket dealer, byte[] bytes) => Assert.True(dealer.TrySendFrame(TimeSpan.FromSeconds(10), bytes));
}
