using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Teacher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CloudEdge.Grains.Tests;

/// <summary>One in-process Orleans test cluster shared by the grain tests, with a fake clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The tiny rml2016 teacher checkpoint the silo serves.</summary>
    public string TeacherPath { get; private set; } = null!;

    /// <summary>Where the federation grains' file storage keeps its state.</summary>
    public string StateFolder => Path.Combine(Folder, "state");

    private string Folder { get; } = Path.Combine(Path.GetTempPath(), "cloudedge-grains-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        TeacherPath = TinyTeacher.Write(Folder);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.Configure<TeacherOptions>(o => o.Checkpoints["rml2016"] = TeacherPath);
            silo.Services.AddSingleton<TeacherRegistry>();
            silo.Services.AddSingleton<TeacherMetrics>();
            silo.Services.AddFederationGrains(StateFolder);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
