using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.EdgeClient.Serving;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.IO;
using Microsoft.Extensions.Hosting;

namespace CloudEdge.EdgeClient.Commands;

/// <summary>
/// <c>EdgeClient serve</c>: collaborative inference at the edge. Devices PUSH frames (or a data file is replayed);
/// the student answers confident samples, the rest go to the cloud teacher concurrently; the results of every
/// threshold come from one pass. <c>--bench</c> instead measures the pipeline against the bare forward pass.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var edgeId = Opt.Create("--edge-id", "this edge's id (1-based)", 1).Check(v => v >= 1, "must be ≥ 1");
        var dataset = Opt.Create("--dataset-type", "dataset served: rml2016, link11 or radar", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var numClasses = Opt.Optional<int?>("--num-classes", "expected number of classes (checked against the edge model and the teacher)");
        var modelPath = Opt.Optional<string>("--edge-model-path", "student checkpoint (default models/edge/{dataset}/edge_{id}_kd_model.ckpt)");
        var dataSource = Opt.Create("--data-source", "device (NetMQ PULL on --device-port) or file (replay --data through the same pipeline)", "device").OneOf("device", "file");
        var data = Opt.Optional<string>("--data", "data file to replay with --data-source file (NPZ, RadioML pickle or HDF5)");
        var devicePort = Opt.Create("--device-port", "port devices PUSH frames to", 5555).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var deviceBind = Opt.Create("--device-bind", "address to listen on for devices (* = all)", "*");
        var cloudSet = new CloudOptionSet();
        var cloudHost = cloudSet.CloudHost;
        var cloudPort = cloudSet.CloudPort;
        var thresholds = Opt.Create<string[]>("--thresholds", "confidence thresholds to evaluate in one pass (space or comma separated); samples below the largest go to the cloud", ["0.5", "0.6", "0.7", "0.8", "0.9"]);
        thresholds.AllowMultipleArgumentsPerToken = true;
        var batchSize = Opt.Create("--batch-size", "most samples per micro-batch", 64).Check(v => v is >= 1 and <= 4096, "must be 1..4096");
        var maxDelay = Opt.Create("--max-delay-ms", "longest a micro-batch waits for more samples", 5.0).Check(v => v >= 0 && double.IsFinite(v), "must be ≥ 0");
        var confidence = Opt.Create("--confidence", "confidence score: max (softmax), entropy or margin", "max").OneOf("max", "entropy", "margin");
        var rateLimit = cloudSet.RateLimit;
        var saveResults = Opt.Optional<string>("--save-results", "write the results (every threshold) to this JSON file");
        var devices = Opt.Create("--devices", "number of device streams to serve before stopping (0 = serve until Ctrl-C)", 1).Check(v => v >= 0, "must be ≥ 0");
        var capacity = Opt.Create("--channel-capacity", "frames buffered between the network loop and compute", 64).Check(v => v >= 1, "must be ≥ 1");
        var connectTimeout = cloudSet.ConnectTimeout;
        var cloudBatch = Opt.Create("--cloud-batch", "most samples per teacher call (queued requests are merged)", 256).Check(v => v is >= 1 and <= 4096, "must be 1..4096");
        var cloudConcurrency = Opt.Create("--cloud-concurrency", "teacher calls in flight at once", 2).Check(v => v is >= 1 and <= 64, "must be 1..64");
        var cloudQueue = Opt.Create("--cloud-queue", "micro-batches waiting for the cloud before routed samples are answered at the edge", 64).Check(v => v >= 1, "must be ≥ 1");
        var cloudTimeout = Opt.Create("--cloud-timeout", "seconds to wait for one teacher call before answering at the edge", 30.0).Check(v => v > 0, "must be > 0");
        var targetRate = Opt.Optional<double?>("--target-cloud-rate", "adaptive threshold: share of samples to send to the cloud (0..1)");
        var targetLatency = Opt.Optional<double?>("--target-latency-ms", "adaptive threshold: p95 latency target for cloud answers (ms)");
        var adaptiveWindow = Opt.Create("--adaptive-window", "adaptive threshold: recent confidences the quantile is taken over", 2000).Check(v => v >= 10, "must be ≥ 10");
        var idleTimeout = Opt.Create("--idle-timeout", "stop when no frame arrives for this many seconds (0 = never)", 0.0).Check(v => v >= 0, "must be ≥ 0");
        var progressInterval = Opt.Create("--progress-interval", "seconds between progress lines (0 = none)", 2.0).Check(v => v >= 0, "must be ≥ 0");
        var replayRate = Opt.Optional<double?>("--replay-rate", "file source: samples per second (default: as fast as the edge takes them)");
        var totalSamples = Opt.Optional<int?>("--total-samples", "file source / bench: samples to replay, wrapping around the file");
        var device = Opt.Create("--device", "torch device for the student: auto, cpu, cuda or cuda:N", "auto");
        var bench = Opt.Create("--bench", "measure the edge pipeline at threshold 0 against the bare student forward pass (needs --data; no cloud)", false);
        var benchRepeats = Opt.Create("--bench-repeats", "bench: alternating repeats of each measurement (medians are reported)", 3).Check(v => v >= 1, "must be ≥ 1");
        var benchLoads = Opt.Create<double[]>("--bench-loads", "bench: loads (fractions of the measured pipeline throughput) for the latency runs", [0.5, 0.9]);
        benchLoads.AllowMultipleArgumentsPerToken = true;
        var command = new Command("serve", "Serve device streams: the student answers confident samples, the cloud teacher the others; reports every threshold's trade-off.")
        {
            edgeId, dataset, numClasses, modelPath, dataSource, data, devicePort, deviceBind, cloudHost, cloudPort, thresholds, batchSize, maxDelay, confidence,
            rateLimit, saveResults, devices, capacity, connectTimeout, cloudBatch, cloudConcurrency, cloudQueue, cloudTimeout, targetRate, targetLatency,
            adaptiveWindow, idleTimeout, progressInterval, replayRate, totalSamples, device, bench, benchRepeats, benchLoads,
        };
        command.SetAction(async (parse, ct) =>
        {
            var info = DatasetCatalog.Get(parse.GetValue(dataset)!);
            var id = parse.GetValue(edgeId);
            var adaptive = parse.GetValue(targetRate) is null && parse.GetValue(targetLatency) is null ? null : new AdaptiveSettings
            {
                TargetCloudRate = parse.GetValue(targetRate),
                TargetLatencyMs = parse.GetValue(targetLatency),
                Window = parse.GetValue(adaptiveWindow),
            };
            var serve = new ServeSettings
            {
                Thresholds = ParseThresholds(parse.GetValue(thresholds) ?? []),
                MaxBatch = parse.GetValue(batchSize),
                MaxDelay = TimeSpan.FromMilliseconds(parse.GetValue(maxDelay)),
                Devices = parse.GetValue(devices),
                IdleTimeout = parse.GetValue(idleTimeout) > 0 ? TimeSpan.FromSeconds(parse.GetValue(idleTimeout)) : null,
                Adaptive = adaptive,
                Cloud = new CloudDispatchSettings(parse.GetValue(cloudBatch), parse.GetValue(cloudConcurrency), parse.GetValue(cloudQueue), TimeSpan.FromSeconds(parse.GetValue(cloudTimeout))),
            };
            serve.Validate();
            var options = new EdgeServeOptions
            {
                EdgeId = id,
                Dataset = info,
                NumClasses = parse.GetValue(numClasses),
                EdgeModelPath = parse.GetValue(modelPath) ?? Path.Combine("models", "edge", info.Id, $"edge_{id}_kd_model{Checkpoint.Extension}"),
                DataSource = parse.GetValue(bench) ? "file" : parse.GetValue(dataSource)!,
                DataPath = parse.GetValue(data),
                DeviceEndpoint = $"tcp://{parse.GetValue(deviceBind)}:{parse.GetValue(devicePort)}",
                ChannelCapacity = parse.GetValue(capacity),
                Confidence = ConfidenceScores.Parse(parse.GetValue(confidence)!),
                RateLimitMegabytesPerSecond = parse.GetValue(rateLimit),
                Serve = serve,
                SaveResults = parse.GetValue(saveResults),
                ProgressInterval = TimeSpan.FromSeconds(parse.GetValue(progressInterval)),
                ReplayRate = parse.GetValue(replayRate),
                TotalSamples = parse.GetValue(totalSamples),
                TorchDevice = parse.GetValue(device)!,
            };
            if (options.TotalSamples is < 1)
            {
                throw new ArgumentException($"--total-samples must be ≥ 1 (got {options.TotalSamples})");
            }

            var torchDevice = TorchRuntime.ParseDevice(options.TorchDevice);
            using var student = StudentClassifier.Load(options.EdgeModelPath, info, options.NumClasses, options.Confidence, torchDevice);
            var replay = options.DataSource == "file" ? LoadData(options, student) : null;
            if (parse.GetValue(bench))
            {
                return await BenchAsync(options, student, replay!, parse.GetValue(benchRepeats), parse.GetValue(benchLoads) ?? [], ct).ConfigureAwait(false);
            }

            var cloud = cloudSet.Connection(parse);
            using var host = EdgeHost.Build(cloud);
            await EdgeHost.StartAsync(host, cloud, ct).ConfigureAwait(false);
            try
            {
                return await EdgeServer.RunAsync(options, student, replay, host.Services, ct).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Parses thresholds given as separate tokens and/or comma-separated lists.</summary>
    private static List<double> ParseThresholds(IEnumerable<string> tokens)
    {
        var values = new List<double>();
        foreach (var part in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0) || !double.IsFinite(value))
            {
                throw new ArgumentException($"--thresholds: '{part}' is not a number ≥ 0");
            }

            values.Add(value);
        }

        return values;
    }

    private static SignalDataset LoadData(EdgeServeOptions options, StudentClassifier student)
    {
        if (options.DataPath is not { } path)
        {
            throw new ArgumentException("--data-source file (and --bench) need --data FILE");
        }

        var data = DatasetFiles.Load(path);
        if (data.Length != student.InputLength)
        {
            throw new ArgumentException($"--data {path} holds vectors of length {data.Length} but the edge model takes length {student.InputLength}");
        }

        return data;
    }

    private static async Task<int> BenchAsync(EdgeServeOptions options, StudentClassifier student, SignalDataset data, int repeats, double[] loads, CancellationToken ct)
    {
        var settings = new BenchSettings(options.Serve.MaxBatch, options.Serve.MaxDelay, options.TotalSamples ?? data.Count, repeats, loads);
        var report = await ServeBench.RunAsync(student, data, options.Dataset, settings, Console.Out, ct).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"edge {options.EdgeId} bench: {report.EdgeModel}, batch {report.BatchSize}, {report.Samples} samples, {report.TorchThreads} torch threads on {report.Processors} processors: bare forward {report.BareForwardSps:0} samples/s, pipeline at threshold 0 {report.PipelineSps:0} samples/s, ratio {report.Ratio:0.00}"));
        foreach (var row in report.Loads)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"edge {options.EdgeId} bench: load {row.Load:P0} = {row.OfferedSps:0} samples/s offered, {row.AchievedSps:0} achieved; latency p50 {row.Latency?.P50:0.00} ms, p95 {row.Latency?.P95:0.00} ms, p99 {row.Latency?.P99:0.00} ms"));
        }

        if (options.SaveResults is { } path)
        {
            LearningJson.Write(path, report);
            Console.WriteLine($"edge {options.EdgeId} bench: wrote {path}");
        }

        return 0;
    }
}
