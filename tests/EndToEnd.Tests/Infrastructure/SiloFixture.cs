using CloudEdge.Cli;

namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real <c>Silo run</c> process on free loopback ports, shared by the tests of a collection. It serves a tiny
/// randomly initialised rml2016 teacher (<see cref="TestArtifacts.TinyTeacher"/>) from <see cref="WorkDir"/>/models/cloud.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private RunningProcess? _silo;

    public int CloudPort { get; private set; }

    public int SiloPort { get; private set; }

    public int DashboardPort { get; private set; }

    /// <summary>The silo's device ingest port (mode B, <c>--ingest-port</c>).</summary>
    public int IngestPort { get; private set; }

    /// <summary>A scratch folder for this collection's files (deleted at the end).</summary>
    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), "cloudedge-e2e-" + Guid.NewGuid().ToString("N"));

    public string TeacherPath => Path.Combine(WorkDir, "models", "cloud", "rml2016", "cloud_pretrain_model.ckpt");

    public RunningProcess Process => _silo ?? throw new InvalidOperationException("silo not started");

    public async ValueTask InitializeAsync()
    {
        TestArtifacts.WriteCheckpoint(TeacherPath, TestArtifacts.TinyTeacher, "complex_resnet50_rml2016");
        var ports = FreePorts.Take(4);
        (CloudPort, SiloPort, DashboardPort, IngestPort) = (ports[0], ports[1], ports[2], ports[3]);
        _silo = RunningProcess.Start("Silo", "run", "--cloud-port", $"{CloudPort}", "--silo-port", $"{SiloPort}", "--dashboard-port", $"{DashboardPort}", "--ingest-port", $"{IngestPort}",
            "--teachers-dir", Path.Combine(WorkDir, "models", "cloud"));
        await _silo.WaitForLineAsync("CLOUDEDGE_SILO_READY", TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (Directory.Exists(WorkDir))
        {
            Directory.Delete(WorkDir, recursive: true);
        }
    }
}
