using CloudEdge.Grains.Interfaces.Federation;
using Microsoft.Extensions.Options;

namespace CloudEdge.Silo.Federation;

/// <summary>
/// Configures the federation of <see cref="FederationHostOptions"/> once the silo has started (it is registered after
/// the silo's own hosted service). A configuration the federation refuses — invalid, or different from the one it runs
/// without <c>--reset-federation</c> — fails the start with the grain's reason.
/// </summary>
internal sealed class FederationBootstrap(IOptions<FederationHostOptions> options, IGrainFactory grains, ILogger<FederationBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var (id, config) = settings.ToConfig();
        var result = await grains.GetGrain<IFederationGrain>(id).Configure(config, settings.Reset).ConfigureAwait(false);
        if (!result.Accepted)
        {
            throw new ArgumentException($"--federation {id}: {result.Reason}");
        }

        FederationHostLog.Ready(logger, id, result.Unchanged ? "resumed" : "configured", result.Status.Round, config.NumRounds, result.Status.Edges.Length, config.NumEdges);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
