using System.Globalization;
using CloudEdge.EdgeClient.Cloud;
using CloudEdge.Grains.Interfaces;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Signals.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Runs <c>EdgeClient serve</c> once the edge is connected to the cloud: checks the teacher against the edge
/// model, starts the source (devices or a file), serves with live progress and statistics reports, and at the
/// end prints the trade-off table and writes the results.
/// </summary>
public static class EdgeServer
{
    public static async Task<int> RunAsync(EdgeServeOptions options, StudentClassifier student, SignalDataset? data, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(services);
        var prefix = $"edge {options.EdgeId}";
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Edge");
        var grains = services.GetRequiredService<IClusterClient>();
        var settings = options.Serve;
        var meta = student.Metadata;
        using var link = new CloudLink(new CloudLinkOptions { RateLimitMegabytesPerSecond = options.RateLimitMegabytesPerSecond, MaxAttempts = 3 }, TimeProvider.System, logger);
        var teacher = new TeacherClient(grains, link, options.Dataset.Id);
        await CheckTeacherAsync(teacher, options, meta, settings.UsesCloud, logger, cancellationToken).ConfigureAwait(false);

        using var metrics = new EdgeMetrics();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        DeviceReceiver? receiver = null;
        Task feeding = Task.CompletedTask;
        try
        {
            IDeviceSource source;
            if (data is null)
            {
                receiver = new DeviceReceiver(options.DeviceEndpoint, options.Dataset.Id, student.InputLength, options.ChannelCapacity, options.HighWaterMark, metrics, logger);
                receiver.Start(stop.Token);
                await receiver.Bound.ConfigureAwait(false);
                source = receiver;
                Console.WriteLine($"{prefix}: serving {options.Dataset.Id} on {options.DeviceEndpoint} with {meta.Preset} ({Path.GetFileName(options.EdgeModelPath)}); thresholds {Describe(settings)}");
            }
            else
            {
                var file = new FileSource(data, options.Dataset, settings.MaxBatch, options.ReplayRate, options.TotalSamples, TimeProvider.System, options.ChannelCapacity);
                source = file;
                Console.WriteLine($"{prefix}: serving {options.Dataset.Id} from {options.DataPath} with {meta.Preset} ({Path.GetFileName(options.EdgeModelPath)}); thresholds {Describe(settings)}");
                feeding = Task.Run(() => file.RunAsync(stop.Token), CancellationToken.None);
            }

            var reporter = new StatsReporter(grains.GetGrain<IEdgeStatsGrain>($"edge-{options.EdgeId}"), options.Dataset.Id, () => source.Rejections.Total, logger);
            reporter.Start();
            var cloud = settings.UsesCloud ? new TeacherCloudClassifier(teacher, options.Dataset.Id) : null;
            var pipeline = new ServePipeline(source, student, new LabelMap(options.Dataset.Classes, meta.Classes), cloud, settings, metrics, logger, TimeProvider.System,
                reporter.Enqueue, end => Console.WriteLine($"{prefix}: end of stream from {end.DeviceId} ({end.SamplesSent} samples sent)"));
            if (pipeline.Adaptive is { } adaptive)
            {
                metrics.TrackThreshold(() => adaptive.Threshold);
            }

            ServeOutcome outcome;
            using (var progressStop = new CancellationTokenSource())
            {
                var progress = ServeProgress.RunAsync(Status(prefix, source, pipeline), options.ProgressInterval, progressStop.Token);
                try
                {
                    outcome = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await progressStop.CancelAsync().ConfigureAwait(false);
                    await progress.ConfigureAwait(false);
                }
            }

            var template = new ServeReport
            {
                Dataset = options.Dataset.Id,
                EdgeId = options.EdgeId,
                EdgeModel = meta.Preset,
                Confidence = options.Confidence.ToString().ToLowerInvariant(),
                DataSource = options.DataSource,
                BatchSize = settings.MaxBatch,
                MaxDelayMs = settings.MaxDelay.TotalMilliseconds,
                RateLimitMegabytesPerSecond = options.RateLimitMegabytesPerSecond,
            };
            var report = ServeReportBuilder.Build(template, outcome, source, pipeline, settings, meta.Classes, LinkSummary.From(link.Figures));
            ServeTables.Write(AnsiConsole.Console, report, $"{prefix}: {meta.Preset} on {report.SamplesServed} {options.Dataset.Id} samples ({outcome.StopReason})");
            if (options.SaveResults is { } path)
            {
                LearningJson.Write(path, report);
                Console.WriteLine($"{prefix}: wrote {path}");
            }

            // After Ctrl-C the process has little time left: the results are written first, the reports wait less.
            await reporter.StopAsync(TimeSpan.FromSeconds(cancellationToken.IsCancellationRequested ? 1 : 10)).ConfigureAwait(false);
            var rejected = source.Rejections.ByKind();
            var last = reporter.Last;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}: received {source.SamplesAccepted} samples in {source.FramesAccepted} frames from {outcome.DevicesEnded} device(s) (devices announced {outcome.SamplesAnnounced}); rejected {source.Rejections.Total} frame(s){(rejected.Count > 0 ? " " + string.Join(", ", rejected.Select(kv => $"{kv.Key}={kv.Value}")) : string.Empty)}; cloud recorded {last?.Samples ?? 0} samples in {last?.Batches ?? 0} batches"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prefix}: served {report.SamplesServed}, dropped {report.SamplesDropped}, degraded {report.Degraded}, cloud failures {report.CloudFailures}; link {link.Figures.Calls} calls, {link.Figures.BytesSent} bytes sent"));
            return 0;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await feeding.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            receiver?.Dispose();
        }
    }

    private static async Task CheckTeacherAsync(TeacherClient teacher, EdgeServeOptions options, CheckpointMetadata meta, bool usesCloud, ILogger logger, CancellationToken cancellationToken)
    {
        TeacherInfo info;
        try
        {
            info = await teacher.DescribeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e) when (!usesCloud)
        {
            ServeLog.NoTeacher(logger, options.Dataset.Id, e.Message);
            return;
        }

        TeacherClient.EnsureCompatible(info, options.Dataset, meta.Classes, options.NumClasses, meta.Preset, meta.InputLength);
    }

    private static Func<string> Status(string prefix, IDeviceSource source, ServePipeline pipeline)
    {
        var lastServed = 0L;
        var lastAt = DateTimeOffset.UtcNow;
        return () =>
        {
            var c = pipeline.Counters;
            var now = DateTimeOffset.UtcNow;
            var served = c.Served;
            var seconds = Math.Max(1e-3, (now - lastAt).TotalSeconds);
            var rate = (served - lastServed) / seconds;
            (lastServed, lastAt) = (served, now);
            var threshold = pipeline.Adaptive is { } a ? string.Create(CultureInfo.InvariantCulture, $", adaptive threshold {a.Threshold:0.###} (rate {a.TargetRate:0.###})") : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"{prefix}: {source.SamplesAccepted} received, {served} classified in {c.Batches} batches ({rate:0} samples/s), edge {c.EdgeAnswered}, cloud {c.CloudAnswered} (pending {c.CloudPending}, degraded {c.CloudFailedSamples + c.CloudSkipped}), rejected {source.Rejections.Total} frame(s){threshold}");
        };
    }

    private static string Describe(ServeSettings settings)
    {
        var fixedPart = string.Join(" ", settings.Thresholds.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)));
        return settings.Adaptive is { } a
            ? $"{fixedPart} + adaptive (target cloud rate {a.TargetCloudRate?.ToString(CultureInfo.InvariantCulture) ?? "-"}, target latency {a.TargetLatencyMs?.ToString(CultureInfo.InvariantCulture) ?? "-"} ms)"
            : fixedPart;
    }
}
