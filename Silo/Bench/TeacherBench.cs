using System.Diagnostics;
using CloudEdge.Cli;
using CloudEdge.Grains.Interfaces;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CloudEdge.Silo.Bench;

/// <summary>
/// Measures the teacher's samples/s three ways side by side in one process and run: the model called directly
/// (Predictor), the teacher grain called in the silo's process, and the teacher grain called by an Orleans client
/// over loopback TCP (the edge's path). Rounds alternate the modes, so machine noise hits all of them alike.
/// </summary>
public static class TeacherBench
{
    public static async Task<IReadOnlyList<(string Mode, double SamplesPerSecond)>> RunAsync(string checkpoint, int batchSize, int rounds, double seconds, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var loaded = Checkpoint.Load(checkpoint);
        var meta = loaded.Metadata;
        var random = new Random(1);
        var iq = new float[batchSize * 2 * meta.InputLength];
        for (var i = 0; i < iq.Length; i++)
        {
            iq[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var batch = new SignalBatch(meta.Dataset, meta.InputLength, batchSize, iq);
        var ports = FreePorts.Take(3);
        await using var silo = CloudHost.Build(new Dictionary<string, string?>
        {
            ["Cloud:CloudPort"] = $"{ports[0]}",
            ["Cloud:SiloPort"] = $"{ports[1]}",
            ["Cloud:DashboardPort"] = $"{ports[2]}",
            ["Ingest:Port"] = "0",
            ["Federation:StateDir"] = Path.Combine(Path.GetTempPath(), "cloudedge-bench-state"),
            [$"Teachers:Checkpoints:{meta.Dataset}"] = checkpoint,
        });
        await silo.StartAsync(cancellationToken).ConfigureAwait(false);
        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.ClearProviders();
        clientBuilder.UseOrleansClient(c =>
        {
            c.UseLocalhostClustering(ports[0]);
            c.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("cloudedge", "cloudedge"));
        });
        using var client = clientBuilder.Build();
        await client.StartAsync(cancellationToken).ConfigureAwait(false);

        using var model = loaded.CreateModel();
        var options = new PredictOptions { BatchSize = batchSize, Normalization = meta.Normalization };
        var inSilo = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeacherGrain>(meta.Dataset);
        var overTcp = client.Services.GetRequiredService<IClusterClient>().GetGrain<ITeacherGrain>(meta.Dataset);
        var modes = new (string Name, Func<Task> Call)[]
        {
            ("model called directly", () => { Predictor.Predict(model, iq, meta.InputLength, options, cancellationToken); return Task.CompletedTask; }),
            ("teacher grain, in the silo's process", () => inSilo.Classify(batch, ClassifyOutput.Predictions)),
            ("teacher grain, Orleans client over loopback TCP", () => overTcp.Classify(batch, ClassifyOutput.Predictions)),
        };
        foreach (var (_, call) in modes)
        {
            await call().ConfigureAwait(false);
        }

        var best = new double[modes.Length];
        for (var round = 1; round <= rounds; round++)
        {
            for (var m = 0; m < modes.Length; m++)
            {
                var clock = Stopwatch.StartNew();
                var samples = 0L;
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await modes[m].Call().ConfigureAwait(false);
                    samples += batchSize;
                }

                var rate = samples / clock.Elapsed.TotalSeconds;
                best[m] = Math.Max(best[m], rate);
                await output.WriteLineAsync($"round {round}: {modes[m].Name}: {rate:F1} samples/s").ConfigureAwait(false);
            }
        }

        await client.StopAsync(cancellationToken).ConfigureAwait(false);
        await silo.StopAsync(cancellationToken).ConfigureAwait(false);
        return modes.Select((m, i) => (m.Name, best[i])).ToList();
    }
}
