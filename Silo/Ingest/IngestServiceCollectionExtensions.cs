namespace CloudEdge.Silo.Ingest;

/// <summary>Registers the device ingest endpoint (<see cref="IngestService"/>) as a hosted service.</summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddDeviceIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IngestTally>();
        services.AddSingleton<IngestMetrics>();
        services.AddHostedService<IngestService>();
        return services;
    }
}
