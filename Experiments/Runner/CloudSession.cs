using CloudEdge.Cli;

namespace CloudEdge.Experiments.Runner;

/// <summary>A running <c>Silo run</c> child process on free loopback ports, serving the run's teacher.</summary>
public sealed class CloudSession : IAsyncDisposable
{
    private readonly ChildProcess _silo;

    private CloudSession(ChildProcess silo, int cloudPort, int dashboardPort, int ingestPort)
    {
        _silo = silo;
        CloudPort = cloudPort;
        DashboardPort = dashboardPort;
        IngestPort = ingestPort;
    }

    public int CloudPort { get; }

    public int DashboardPort { get; }

    public int IngestPort { get; }

    public static async Task<CloudSession> StartAsync(ExperimentConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var ports = FreePorts.Take(4);
        var silo = ChildProcess.Start("silo", "Silo",
        [
            "run", "--cloud-port", $"{ports[0]}", "--silo-port", $"{ports[1]}", "--dashboard-port", $"{ports[2]}", "--ingest-port", $"{ports[3]}",
            "--teachers-dir", Path.Combine(config.ModelsDir, "cloud"), "--state-dir", Path.Combine(config.OutDir, "state"),
        ], Path.Combine(config.LogsDir, "silo.log"), echo: false);
        var session = new CloudSession(silo, ports[0], ports[2], ports[3]);
        try
        {
            await silo.WaitForLineAsync("CLOUDEDGE_SILO_READY", TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        Console.WriteLine($"  cloud up: gateway 127.0.0.1:{ports[0]}, dashboard http://127.0.0.1:{ports[2]}/, ingest {ports[3]}");
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        await _silo.DisposeAsync().ConfigureAwait(false);
    }
}
