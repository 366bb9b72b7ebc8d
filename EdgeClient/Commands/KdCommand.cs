using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CloudEdge.Cli;
using CloudEdge.EdgeClient.Cloud;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.EdgeClient.Training;
using CloudEdge.Learning.Distillation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Commands;

/// <summary>
/// <c>EdgeClient kd</c>: trains the edge's student by knowledge distillation from the cloud teacher. The teacher's
/// logits for the edge's training set are fetched once, in batches through the rate-limited link, and reused for
/// every epoch (the teacher is frozen).
/// </summary>
internal static class KdCommand
{
    public static Command Create()
    {
        var set = new StudentOptionSet();
        var cloudSet = new CloudOptionSet();
        var cloudHost = cloudSet.CloudHost;
        var cloudPort = cloudSet.CloudPort;
        var alpha = Opt.Create("--kd-alpha", "weight of the distillation term", 0.7).Check(v => v is >= 0 and <= 1, "must be in [0, 1]");
        var temperature = Opt.Create("--kd-temperature", "softmax temperature T", 4.0).Check(v => v > 0 && double.IsFinite(v), "must be > 0");
        var rateLimit = cloudSet.RateLimit;
        var teacherBatch = Opt.Create("--teacher-batch", "samples per teacher call", 256).Check(v => v is >= 1 and <= 4096, "must be 1..4096");
        var connectTimeout = cloudSet.ConnectTimeout;
        var command = new Command("kd", "Train the edge's student by knowledge distillation from the cloud teacher; writes models/edge/{dataset}/edge_{id}_kd_model.ckpt.");
        foreach (var option in set.All.Concat([cloudHost, cloudPort, alpha, temperature, rateLimit, teacherBatch, connectTimeout]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var settings = set.Read(parse);
            var (train, test) = settings.LoadData();
            var cloud = cloudSet.Connection(parse);
            using var host = EdgeHost.Build(cloud);
            await EdgeHost.StartAsync(host, cloud, ct).ConfigureAwait(false);
            try
            {
                var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Edge");
                using var link = new CloudLink(new CloudLinkOptions { RateLimitMegabytesPerSecond = parse.GetValue(rateLimit) }, TimeProvider.System, logger);
                var teacher = new TeacherClient(host.Services.GetRequiredService<IClusterClient>(), link, settings.Dataset.Id);
                var info = await teacher.DescribeAsync(ct).ConfigureAwait(false);
                TeacherClient.EnsureCompatible(info, settings.Dataset, train.Classes, settings.NumClasses, settings.Preset, train.Length);

                var fetchedSamples = 0;
                DistillationLoss Loss(Signals.Data.SignalDataset trainSet)
                {
                    var (logits, classes) = teacher.SoftLabelsAsync(trainSet, parse.GetValue(teacherBatch), ct).GetAwaiter().GetResult();
                    fetchedSamples = trainSet.Count;
                    var f = link.Figures;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"edge {settings.EdgeId} kd: teacher logits for {trainSet.Count} samples in {teacher.SoftLabelCalls} calls; sent {f.BytesSent} bytes, received {f.BytesReceived} bytes, rate-limit wait {f.RateLimitWait.TotalSeconds:0.00} s"));
                    return new DistillationLoss(logits, classes, parse.GetValue(alpha), parse.GetValue(temperature));
                }

                StudentRun.Train(settings, "kd", train, test, Loss, ct);
                var figures = link.Figures;
                var linkPath = Path.ChangeExtension(settings.ModelPath("kd"), ".link.json");
                await File.WriteAllTextAsync(linkPath, JsonSerializer.Serialize(new
                {
                    teacher_calls = teacher.SoftLabelCalls,
                    teacher_samples = fetchedSamples,
                    teacher_batch = parse.GetValue(teacherBatch),
                    bytes_sent = figures.BytesSent,
                    bytes_received = figures.BytesReceived,
                    calls = figures.Calls,
                    retries = figures.Retries,
                    rate_limit_mb_s = parse.GetValue(rateLimit),
                    rate_limit_wait_s = figures.RateLimitWait.TotalSeconds,
                    link_seconds = figures.CallTime.TotalSeconds,
                    achieved_mb_s = figures.MegabytesPerSecond,
                }, new JsonSerializerOptions { WriteIndented = true }), ct).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"edge {settings.EdgeId} kd: link {figures.Calls} calls, sent {figures.BytesSent} bytes, received {figures.BytesReceived} bytes in {figures.CallTime.TotalSeconds:0.00} s ({figures.MegabytesPerSecond:0.###} MB/s); wrote {linkPath}"));
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
