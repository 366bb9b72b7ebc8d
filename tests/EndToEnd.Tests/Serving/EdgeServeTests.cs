using System.Text.Json;
using CloudEdge.EndToEnd.Tests.Infrastructure;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Wire;
using NetMQ;
using NetMQ.Sockets;
using CloudEdge.Cli;

namespace CloudEdge.EndToEnd.Tests.Serving;

/// <summary>Mode A (device → edge → cloud) with real processes on loopback: tiny student on the edge, tiny teacher in the silo.</summary>
[Collection(CloudCollection.Name)]
public sealed class EdgeServeTests(SiloFixture cloud)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Serve_TwoThresholdsAndAdaptive_EverySampleCountedAtEachThreshold()
    {
        var results = ServingArtifacts.ResultsPath(cloud, "mode-a");
        var port = FreePorts.Take(1)[0];
        await using var edge = StartEdge(21, port, results, "--devices", "1", "--thresholds", "0", "1.5", "--target-cloud-rate", "0.5", "--adaptive-window", "100");
        await edge.WaitForLineAsync("edge 21: serving rml2016", Timeout);

        await using var device = RunningProcess.Start("DeviceSim", "stream", "--mode", "edge", "--dataset-type", "rml2016", "--edge-host", "127.0.0.1",
            "--edge-port", $"{port}", "--total-samples", "300", "--batch-size", "50", "--rate", "600", "--seed", "4");
        Assert.Equal(0, await device.WaitForExitAsync(Timeout));
        Assert.Equal(0, await edge.WaitForExitAsync(Timeout));

        var json = await ServingArtifacts.ReadJsonAsync(results);
        Assert.Equal("rml2016", json.GetProperty("dataset").GetString());
        Assert.Equal(300, json.GetProperty("samples_received").GetInt64());
        Assert.Equal(300, json.GetProperty("samples_served").GetInt64());
        Assert.Equal(0, json.GetProperty("samples_dropped").GetInt64());
        Assert.Equal(0, json.GetProperty("malformed_frames").GetInt64());
        Assert.Equal(0, json.GetProperty("degraded").GetInt64());
        var rows = json.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(300, row.GetProperty("edge_samples").GetInt32() + row.GetProperty("cloud_samples").GetInt32());
            Assert.InRange(row.GetProperty("overall_accuracy").GetDouble(), 0, 1);
            Assert.True(row.GetProperty("latency_ms").GetProperty("p99").GetDouble() >= row.GetProperty("latency_ms").GetProperty("p50").GetDouble());
            Assert.Equal(6, row.GetProperty("per_class").EnumerateObject().Count());
        }

        Assert.Equal(0.0, rows[0].GetProperty("threshold").GetDouble());
        Assert.Equal(0.0, rows[0].GetProperty("cloud_call_rate").GetDouble());
        Assert.Equal(0, rows[0].GetProperty("bytes_to_cloud").GetInt64());
        Assert.Equal(1.5, rows[1].GetProperty("threshold").GetDouble());
        Assert.Equal(1.0, rows[1].GetProperty("cloud_call_rate").GetDouble());
        Assert.Equal(300 * 2 * 128 * 4, rows[1].GetProperty("bytes_to_cloud").GetInt64());
        Assert.Equal(0, rows[1].GetProperty("degraded").GetInt32());
        Assert.Equal("adaptive", rows[2].GetProperty("threshold").GetString());
        Assert.InRange(rows[2].GetProperty("mean_threshold").GetDouble(), 0, 1.01);
        Assert.Contains("edge 21: received 300 samples in 6 frames from 1 device(s) (devices announced 300); rejected 0 frame(s); cloud recorded 300 samples", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MalformedFramesBetweenGoodOnes_CountedAndGoodOnesAllClassified()
    {
        var results = ServingArtifacts.ResultsPath(cloud, "malformed");
        var port = FreePorts.Take(1)[0];
        await using var edge = StartEdge(24, port, results, "--devices", "1", "--thresholds", "0.5");
        await edge.WaitForLineAsync("edge 24: serving rml2016", Timeout);

        var good1 = Frame("rml2016", 0, 20);
        var good2 = Frame("rml2016", 20, 20);
        var nonFinite = Frame("rml2016", 40, 5);
        nonFinite.Iq[7] = float.NaN; // the encoder does not check values; the edge's decoder must
        using (var push = new PushSocket())
        {
            push.Options.Linger = TimeSpan.FromSeconds(5);
            push.Connect($"tcp://127.0.0.1:{port}");
            Send(push, "not a frame at all"u8.ToArray());
            Send(push, WireFormat.Encode(good1));
            Send(push, WireFormat.Encode(good2)[..100]);
            Send(push, WireFormat.Encode(Frame("link11", 60, 3)));
            Send(push, WireFormat.Encode(nonFinite));
            Send(push, WireFormat.Encode(good2));
            Send(push, WireFormat.Encode(new EndOfStreamFrame("test-device", "rml2016", 40)));
        }

        Assert.Equal(0, await edge.WaitForExitAsync(Timeout));
        var json = await ServingArtifacts.ReadJsonAsync(results);
        Assert.Equal(40, json.GetProperty("samples_received").GetInt64());
        Assert.Equal(40, json.GetProperty("samples_served").GetInt64());
        Assert.Equal(4, json.GetProperty("malformed_frames").GetInt64());
        var kinds = json.GetProperty("malformed_by_kind").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["BadMagic"] = 1, ["Truncated"] = 1, ["WrongDataset"] = 1, ["NonFinite"] = 1 }, kinds);
        var row = Assert.Single(json.GetProperty("thresholds").EnumerateArray());
        Assert.Equal(40, row.GetProperty("edge_samples").GetInt32() + row.GetProperty("cloud_samples").GetInt32());
        Assert.Equal(40, row.GetProperty("labelled").GetInt32());
        Assert.Single(edge.Output.Split('\n'), l => l.Contains("Dropped a malformed frame (BadMagic)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_StoppedLikeCtrlC_WritesResultsForWhatWasServed()
    {
        var results = ServingArtifacts.ResultsPath(cloud, "stopped");
        var port = FreePorts.Take(1)[0];
        await using var edge = StartEdge(25, port, results, "--thresholds", "0.5", "--devices", "0");
        await edge.WaitForLineAsync("edge 25: serving rml2016", Timeout);
        await using (var device = RunningProcess.Start("DeviceSim", "stream", "--mode", "edge", "--edge-host", "127.0.0.1", "--edge-port", $"{port}",
            "--total-samples", "120", "--batch-size", "40", "--interval", "0", "--seed", "8"))
        {
            Assert.Equal(0, await device.WaitForExitAsync(Timeout));
        }

        await edge.WaitForLineAsync("edge 25: end of stream from device-1", Timeout);
        edge.Terminate();

        Assert.Equal(0, await edge.WaitForExitAsync(Timeout));
        var json = await ServingArtifacts.ReadJsonAsync(results);
        Assert.Equal("cancelled", json.GetProperty("stop_reason").GetString());
        Assert.Equal(120, json.GetProperty("samples_served").GetInt64());
        Assert.Equal(1, json.GetProperty("devices_ended").GetInt32());
    }

    [Fact]
    public async Task Serve_FileSource_ReplaysTheFileThroughThePipeline()
    {
        var data = Path.Combine(cloud.WorkDir, "serving", "replay");
        var split = TestArtifacts.WriteSplit(data, edges: 1, samplesPerClass: 10);
        var results = ServingArtifacts.ResultsPath(cloud, "file");
        await using var edge = RunningProcess.Start("EdgeClient", "serve", "--edge-id", "22", "--dataset-type", "rml2016", "--num-classes", "6",
            "--edge-model-path", ServingArtifacts.Student(cloud), "--data-source", "file", "--data", Path.Combine(split, "test_data.npz"),
            "--cloud-port", $"{cloud.CloudPort}", "--thresholds", "0.3,0.6", "--confidence", "margin", "--save-results", results);

        Assert.Equal(0, await edge.WaitForExitAsync(Timeout));
        var json = await ServingArtifacts.ReadJsonAsync(results);
        Assert.Equal("file", json.GetProperty("data_source").GetString());
        Assert.Equal("margin", json.GetProperty("confidence").GetString());
        Assert.Equal(60, json.GetProperty("samples_served").GetInt64());
        Assert.All(json.GetProperty("thresholds").EnumerateArray(), r => Assert.Equal(60, r.GetProperty("edge_samples").GetInt32() + r.GetProperty("cloud_samples").GetInt32()));
        Assert.Equal(["10", "14", "18"], json.GetProperty("thresholds")[0].GetProperty("per_snr").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Serve_StudentClassesDisagreeWithTeacher_StartUpErrorBeforeServing()
    {
        var path = Path.Combine(cloud.WorkDir, "serving", "reordered-student.ckpt");
        using (var model = ModelRegistry.Create(TestArtifacts.TinyStudent, 1))
        {
            Checkpoint.Save(path, new CheckpointMetadata
            {
                Preset = "real_resnet20_rml2016",
                Model = TestArtifacts.TinyStudent,
                Dataset = "rml2016",
                Classes = ["QPSK", "GMSK", "BPSK", "8PSK", "64QAM", "16QAM"],
                InputLength = 128,
            }, model);
        }

        await using var edge = RunningProcess.Start("EdgeClient", "serve", "--edge-id", "23", "--edge-model-path", path, "--device-port", $"{FreePorts.Take(1)[0]}",
            "--device-bind", "127.0.0.1", "--cloud-port", $"{cloud.CloudPort}", "--thresholds", "0.5");

        Assert.Equal(2, await edge.WaitForExitAsync(Timeout));
        Assert.Contains("differ from the teacher's", edge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("serving rml2016", edge.Output, StringComparison.Ordinal);
    }

    /// <summary>Starts an edge; every test uses its own edge id, as the cloud's statistics per edge add up over the collection.</summary>
    private RunningProcess StartEdge(int id, int port, string results, params string[] extra) =>
        RunningProcess.Start("EdgeClient", [
            "serve", "--edge-id", $"{id}", "--dataset-type", "rml2016", "--num-classes", "6", "--edge-model-path", ServingArtifacts.Student(cloud),
            "--device-port", $"{port}", "--device-bind", "127.0.0.1", "--cloud-port", $"{cloud.CloudPort}",
            "--progress-interval", "0.5", "--save-results", results, .. extra]);

    private static SampleBatchFrame Frame(string dataset, long firstId, int count)
    {
        var random = new Random((int)firstId + 1);
        return new SampleBatchFrame("test-device", dataset, 128, [.. Enumerable.Range(0, count).Select(i => firstId + i)], [.. Enumerable.Range(0, count).Select(i => i % 6)],
            [.. Enumerable.Repeat(10, count)], [.. Enumerable.Repeat(UnixMicros.Now(), count)], [.. Enumerable.Range(0, count * 256).Select(_ => (float)random.NextDouble() - 0.5f)]);
    }

    private static void Send(PushSocket push, byte[] bytes) => Assert.True(push.TrySendFrame(TimeSpan.FromSeconds(10), bytes));
}
