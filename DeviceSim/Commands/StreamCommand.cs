using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.DeviceSim.Streaming;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;
using NetMQ;

namespace CloudEdge.DeviceSim.Commands;

/// <summary>
/// <c>DeviceSim stream</c>: the device — synthesises (or replays) signals and PUSHes them to an edge (mode edge),
/// or sends them straight to the cloud's ingest endpoint and collects the answers (mode cloud).
/// </summary>
internal static class StreamCommand
{
    public static Command Create()
    {
        var mode = Opt.Create("--mode", "where to send: edge (device → edge → cloud) or cloud (device → cloud ingest)", "edge").OneOf("edge", "cloud");
        var dataset = Opt.Create("--dataset-type", "dataset to stream: rml2016, link11 or radar", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var edgeHost = Opt.Create("--edge-host", "edge to send to (mode edge)", "127.0.0.1");
        var edgePort = Opt.Create("--edge-port", "edge's device port (mode edge)", 5555).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var cloudHost = Opt.Create("--cloud-host", "cloud silo to send to (mode cloud)", "127.0.0.1");
        var cloudPort = Opt.Create("--cloud-port", "the silo's ingest port, Silo run --ingest-port (mode cloud)", 5556).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var batchSize = Opt.Create("--batch-size", "samples per frame", 100).Check(v => v is >= 1 and <= 10_000, "must be 1..10000");
        var interval = Opt.Create("--interval", "seconds between frames", 0.1).Check(v => v >= 0, "must be ≥ 0");
        var rate = Opt.Optional<double?>("--rate", "samples per second (instead of --interval)");
        var total = Opt.Create("--total-samples", "samples to send in all", 10_000).Check(v => v >= 1, "must be ≥ 1");
        var seed = Opt.Create("--seed", "seed of the synthetic stream or of the replay order", 42L);
        var snrMin = Opt.Optional<int?>("--snr-min", "lowest SNR (dB) of synthetic samples (default: the dataset's grid)");
        var snrMax = Opt.Optional<int?>("--snr-max", "highest SNR (dB) of synthetic samples");
        var snrStep = Opt.Create("--snr-step", "SNR step (dB) between --snr-min and --snr-max", 2).Check(v => v >= 1, "must be ≥ 1");
        var data = Opt.Optional<FileInfo>("--data", "replay this dataset file (NPZ) instead of synthesising");
        var deviceId = Opt.Create("--device-id", "this device's name on the wire", "device-1");
        var answerTimeout = Opt.Create("--answer-timeout", "mode cloud: seconds to wait for outstanding answers after the last one", 30.0).Check(v => v > 0, "must be > 0");
        var saveResults = Opt.Optional<string>("--save-results", "write what was sent (and, in mode cloud, the answers' accuracy and latency) to this JSON file");
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && v <= 0)
            {
                r.AddError($"--rate: must be > 0 (got {v})");
            }
        });
        var command = new Command("stream", "Stream signals over ZeroMQ to an edge (PUSH) or to the cloud's ingest endpoint (DEALER, answers come back), then an end-of-stream frame.")
        {
            mode, dataset, edgeHost, edgePort, cloudHost, cloudPort, batchSize, interval, rate, total, seed, snrMin, snrMax, snrStep, data, deviceId, answerTimeout, saveResults,
        };
        command.SetAction(async (parse, ct) =>
        {
            var info = DatasetCatalog.Get(parse.GetValue(dataset)!);
            ISampleSource source = parse.GetValue(data) is { } file
                ? new ReplaySource(NpzDataset.Load(file.FullName), info, (int)parse.GetValue(seed))
                : new GeneratorSource(GeneratorFactory.Create(info.Kind), parse.GetValue(seed), Snrs(parse.GetValue(snrMin), parse.GetValue(snrMax), parse.GetValue(snrStep)), null);
            var toCloud = parse.GetValue(mode) == "cloud";
            var endpoint = toCloud ? $"tcp://{parse.GetValue(cloudHost)}:{parse.GetValue(cloudPort)}" : $"tcp://{parse.GetValue(edgeHost)}:{parse.GetValue(edgePort)}";
            var settings = new StreamSettings(endpoint, parse.GetValue(deviceId)!, parse.GetValue(batchSize), parse.GetValue(total),
                TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(rate));
            Console.WriteLine($"device {settings.DeviceId}: streaming {settings.TotalSamples} {info.Id} samples to the {(toCloud ? "cloud" : "edge")} at {endpoint} in frames of {settings.BatchSize}");
            object results;
            if (toCloud)
            {
                var cloud = await new CloudStreamer(source, settings, TimeSpan.FromSeconds(parse.GetValue(answerTimeout)), TimeProvider.System).RunAsync(ct).ConfigureAwait(false);
                NetMQConfig.Cleanup(block: false);
                Print(settings.DeviceId, cloud);
                results = cloud;
            }
            else
            {
                var summary = await new DeviceStreamer(source, settings, TimeProvider.System).RunAsync(null, ct).ConfigureAwait(false);

                // Closing the context waits (up to the linger time) until queued frames have gone out.
                NetMQConfig.Cleanup(block: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"device {settings.DeviceId}: sent {summary.Samples} samples in {summary.Frames} frames ({summary.Bytes / 1024.0:0.#} KiB) in {summary.Elapsed.TotalSeconds:0.00} s ({summary.SamplesPerSecond:0} samples/s), end-of-stream sent"));
                results = new { mode = "edge", dataset = info.Id, device_id = settings.DeviceId, samples_sent = summary.Samples, frames = summary.Frames, bytes_sent = summary.Bytes, duration_s = summary.Elapsed.TotalSeconds, samples_per_second = summary.SamplesPerSecond };
            }

            if (parse.GetValue(saveResults) is { } path)
            {
                ResultsFile.Write(path, results);
                Console.WriteLine($"device {settings.DeviceId}: wrote {path}");
            }

            return 0;
        });
        return command;
    }

    private static void Print(string deviceId, CloudStreamResults r)
    {
        var latency = r.Latency is { } l ? string.Create(CultureInfo.InvariantCulture, $"latency p50 {l.P50:0.0} ms, p95 {l.P95:0.0} ms, p99 {l.P99:0.0} ms") : "no latency (nothing answered)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"device {deviceId}: cloud answered {r.TeacherSamples} of {r.SamplesSent} samples (failed {r.SamplesFailed}, unanswered {r.SamplesUnanswered}) in {r.DurationSeconds:0.00} s: accuracy {r.OverallAccuracy:P2}, {latency}, {r.ThroughputSps:0} samples/s, {r.BytesToCloud / 1024.0:0.#} KiB to the cloud"));
        foreach (var (name, accuracy) in r.PerClass)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"device {deviceId}:   {name,-12} {(accuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-")}"));
        }
    }

    private static int[]? Snrs(int? min, int? max, int step)
    {
        if (min is null && max is null)
        {
            return null;
        }

        var lo = min ?? max!.Value;
        var hi = max ?? min!.Value;
        if (hi < lo)
        {
            throw new ArgumentException($"--snr-max ({hi}) is below --snr-min ({lo})");
        }

        return Enumerable.Range(0, ((hi - lo) / step) + 1).Select(k => lo + (k * step)).ToArray();
    }
}
