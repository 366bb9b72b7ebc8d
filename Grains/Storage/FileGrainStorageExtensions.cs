using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudEdge.Grains.Storage;

/// <summary>Registers <see cref="FileGrainStorage"/> as a named grain storage provider (a keyed <see cref="IGrainStorage"/>, as Orleans resolves them).</summary>
public static class FileGrainStorageExtensions
{
    /// <summary>Adds a <see cref="FileGrainStorage"/> named <paramref name="name"/> that keeps its files under <paramref name="rootDirectory"/>.</summary>
    public static IServiceCollection AddFileGrainStorage(this IServiceCollection services, string name, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new FileGrainStorage(name, root, sp.GetRequiredService<Serializer>()));
        return services;
    }
}
