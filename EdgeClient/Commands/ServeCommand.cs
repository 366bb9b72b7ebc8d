using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.EdgeClient.Serving;
using CloudEdge.Grains.Interfaces;
using CloudEdge.Signals.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudEdge.EdgeClient.Commands;

/// <summary>
/// <c>EdgeClient serve</c>: receive device streams over NetMQ and serve them, reporting every micro-batch
/// to the cloud's edge statistics grain; ends when every expected device has sent its end-of-stream frame.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var edgeId = Opt.Create("--edge-id", "this edge's id (1-based)", 1).Check(v => v >= 1, "must be ≥ 1");
        var dataset = Opt.Create("--dataset-type", "dataset served: rml2016, link11 or radar", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var devicePort = Opt.Create("--device-port", "port devices PUSH frames to", 5555).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var deviceBind = Opt.Create("--device-bind", "address to listen on for devices (* = all)", "*");
        var cloudHost = Opt.Create("--cloud-host", "host of the cloud silo's gateway", "127.0.0.1");
        var cloudPort = Opt.Create("--cloud-port", "port of the cloud silo's gateway", 9999).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var devices = Opt.Create("--devices", "number of device streams to serve before stopping (0 = serve until Ctrl-C)", 1).Check(v => v >= 0, "must be ≥ 0");
        var capacity = Opt.Create("--channel-capacity", "frames buffered between the network loop and compute", 64).Check(v => v >= 1, "must be ≥ 1");
        var connectTimeout = Opt.Create("--connect-timeout", "seconds to keep retrying an unreachable cloud", 30.0).Check(v => v >= 0, "must be ≥ 0");
        var command = new Command("serve", "Serve device streams (collaborative inference at the edge).")
        {
            edgeId, dataset, devicePort, deviceBind, cloudHost, cloudPort, devices, capacity, connectTimeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var info = DatasetCatalog.Get(parse.GetValue(dataset)!);
            var cloud = new CloudConnectionOptions
            {
                CloudHost = parse.GetValue(cloudHost)!,
                CloudPort = parse.GetValue(cloudPort),
                ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(connectTimeout)),
            };
            using var host = EdgeHost.Build(cloud);
            await EdgeHost.StartAsync(host, cloud, ct).ConfigureAwait(false);
            try
            {
                var endpoint = $"tcp://{parse.GetValue(deviceBind)}:{parse.GetValue(devicePort)}";
                return await ServeAsync(host.Services, parse.GetValue(edgeId), info, endpoint, parse.GetValue(devices), parse.GetValue(capacity), ct).ConfigureAwait(false);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task<int> ServeAsync(IServiceProvider services, int edgeId, DatasetInfo info, string endpoint, int devices, int capacity, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Edge");
        var stats = services.GetRequiredService<IClusterClient>().GetGrain<IEdgeStatsGrain>($"edge-{edgeId}");
        using var metrics = new EdgeMetrics();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var receiver = new DeviceReceiver(endpoint, info.Id, null, capacity, 1000, metrics, logger);
        receiver.Start(cts.Token);
        await receiver.Bound.ConfigureAwait(false);
        Console.WriteLine($"edge {edgeId}: serving {info.Id} on {endpoint}");

        long samples = 0, frames = 0, announced = 0;
        var ended = 0;
        EdgeStatsSnapshot? last = null;
        try
        {
            await foreach (var message in receiver.Reader.ReadAllAsync(cts.Token).ConfigureAwait(false))
            {
                if (message.Samples is { } batch)
                {
                    frames++;
                    samples += batch.Count;
                    var labelled = batch.Labels.Count(l => l >= 0);
                    last = await stats.Report(new EdgeBatchReport(batch.DeviceId, batch.Dataset, batch.Count, 0, 0, labelled, 0, 0, batch.Ids[0], batch.Ids[^1])).ConfigureAwait(false);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edge {edgeId}: batch of {batch.Count} from {batch.DeviceId}; cloud recorded {last.Samples} samples in {last.Batches} batches"));
                }
                else if (message.End is { } end)
                {
                    ended++;
                    announced += end.SamplesSent;
                    Console.WriteLine($"edge {edgeId}: end of stream from {end.DeviceId} ({end.SamplesSent} samples sent)");
                    if (devices > 0 && ended >= devices)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
        }

        var rejected = receiver.Rejections.ByKind();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"edge {edgeId}: received {samples} samples in {frames} frames from {ended} device(s) (devices announced {announced}); rejected {receiver.Rejections.Total} frame(s){(rejected.Count > 0 ? " " + string.Join(", ", rejected.Select(kv => $"{kv.Key}={kv.Value}")) : string.Empty)}; cloud recorded {last?.Samples ?? 0} samples"));
        return 0;
    }
}
