using CloudEdge.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CloudEdge.Grains.Federation;

/// <summary>Registers what the federation grains need in a silo: their metrics and the file-backed grain storage.</summary>
public static class FederationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="FederationMetrics"/> and a <see cref="FileGrainStorage"/> named <see cref="FederationGrain.StorageName"/> under <paramref name="stateDirectory"/>.</summary>
    public static IServiceCollection AddFederationGrains(this IServiceCollection services, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<FederationMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddFileGrainStorage(FederationGrain.StorageName, stateDirectory);
    }
}
