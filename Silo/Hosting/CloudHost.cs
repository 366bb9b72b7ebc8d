using CloudEdge.Grains;
using CloudEdge.Grains.Teacher;
using CloudEdge.Silo.Federation;
using CloudEdge.Silo.Ingest;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace CloudEdge.Silo.Hosting;

/// <summary>Builds and runs the cloud: an Orleans silo with the dashboard in one WebApplication.</summary>
public static class CloudHost
{
    /// <summary>The line printed on standard output once the silo accepts clients (scripts and tests wait for it).</summary>
    public const string ReadyMarker = "CLOUDEDGE_SILO_READY";

    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("CLOUDEDGE_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddOptions<CloudOptions>().Bind(builder.Configuration.GetSection(CloudOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var cloud = Validated(builder.Configuration);
        builder.WebHost.UseUrls($"http://{cloud.DashboardHost}:{cloud.DashboardPort}");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<TeacherOptions>(builder.Configuration.GetSection(TeacherOptions.Section));
        builder.Services.AddSingleton<TeacherRegistry>();
        builder.Services.AddSingleton<TeacherMetrics>();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(cloud.SiloPort, cloud.CloudPort, serviceId: cloud.ServiceId, clusterId: cloud.ClusterId);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            silo.AddDashboard();
        });
        builder.Services.AddDeviceIngest(builder.Configuration);
        builder.Services.AddFederation(builder.Configuration);

        var app = builder.Build();

        // Load and validate every registered teacher before accepting clients: a bad checkpoint is a start-up error.
        var teachers = app.Services.GetRequiredService<TeacherRegistry>();
        app.MapGet("/cloudedge/stats", (TeacherMetrics metrics) => Results.Json(new { teachers = teachers.Datasets, totals = metrics.Totals }));
        app.MapOrleansDashboard();
        app.MapFederationStatus();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Silo");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            SiloLog.Ready(logger, cloud.CloudPort, cloud.SiloPort, $"http://{cloud.DashboardHost}:{cloud.DashboardPort}/");
            SiloLog.Teachers(logger, teachers.Datasets.Count == 0 ? "none" : string.Join(", ", teachers.Datasets));
            Console.WriteLine($"{ReadyMarker} gateway={cloud.CloudPort} dashboard={cloud.DashboardPort}");
        });
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            var t = app.Services.GetRequiredService<TeacherMetrics>().Totals;
            SiloLog.Stopping(logger, t.Batches, t.Samples, t.BytesIn, t.BytesOut, t.Rejected);
        });
        return app;
    }

    private static CloudOptions Validated(IConfiguration configuration)
    {
        var options = configuration.GetSection(CloudOptions.Section).Get<CloudOptions>() ?? new CloudOptions();
        var result = new DataAnnotationValidateOptions<CloudOptions>(null).Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException($"invalid cloud options: {string.Join("; ", result.Failures!)}");
        }

        return options;
    }
}
