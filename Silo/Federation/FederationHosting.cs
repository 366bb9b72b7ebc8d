using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Silo.Federation;

/// <summary>Adds the federation parts to the cloud host: grain storage, metrics, the start-up configuration and the status endpoint.</summary>
public static class FederationHosting
{
    /// <summary>
    /// Registers the federation grains' file storage (under <c>Federation:StateDir</c>), their metrics and the start-up
    /// configuration. Call after <c>UseOrleans</c>, so the federation is configured once the silo runs.
    /// </summary>
    public static IServiceCollection AddFederation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(FederationHostOptions.Section);
        services.Configure<FederationHostOptions>(section);
        var stateDir = section.GetValue<string>(nameof(FederationHostOptions.StateDir)) ?? new FederationHostOptions().StateDir;
        services.AddFederationGrains(stateDir);
        services.AddHostedService<FederationBootstrap>();
        return services;
    }

    /// <summary>Maps <c>GET /cloudedge/federations/{id}</c>: the federation's status (configuration, round, edges, history) as snake_case JSON.</summary>
    public static IEndpointRouteBuilder MapFederationStatus(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/cloudedge/federations/{id}", async (string id, IGrainFactory grains) => Results.Json(await grains.GetGrain<IFederationGrain>(id).GetStatus().ConfigureAwait(false), LearningJson.Options));
        return endpoints;
    }
}
