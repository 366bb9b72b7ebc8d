namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>A real <c>Silo run</c> process on free loopback ports, shared by the tests of a collection.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private RunningProcess? _silo;

    public int CloudPort { get; private set; }

    public int SiloPort { get; private set; }

    public int DashboardPort { get; private set; }

    public RunningProcess Process => _silo ?? throw new InvalidOperationException("silo not started");

    public async ValueTask InitializeAsync()
    {
        var ports = FreePorts.Take(3);
        (CloudPort, SiloPort, DashboardPort) = (ports[0], ports[1], ports[2]);
        _silo = RunningProcess.Start("Silo", "run", "--cloud-port", $"{CloudPort}", "--silo-port", $"{SiloPort}", "--dashboard-port", $"{DashboardPort}");
        await _silo.WaitForLineAsync("CLOUDEDGE_SILO_READY", TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
