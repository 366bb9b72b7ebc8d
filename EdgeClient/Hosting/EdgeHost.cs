using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CloudEdge.EdgeClient.Hosting;

/// <summary>Builds the edge's host: an Orleans client connected to the cloud gateway, with retries at start.</summary>
public static class EdgeHost
{
    public static IHost Build(CloudConnectionOptions cloud, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var failures = new DataAnnotationValidateOptions<CloudConnectionOptions>(null).Validate(null, cloud);
        if (failures.Failed)
        {
            throw new ArgumentException($"invalid cloud connection options: {string.Join("; ", failures.Failures!)}");
        }

        var gateway = Resolve(cloud.CloudHost, cloud.CloudPort);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = false, Args = [] });
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(Options.Create(cloud));
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(gateway);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cloud.ClusterId;
                o.ServiceId = cloud.ServiceId;
            });
            client.UseConnectionRetryFilter<StartupRetryFilter>();
        });
        builder.Services.AddSingleton<StartupRetryFilter>();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Starts the host (connects to the cloud, retrying until the connect timeout); a clear error when the cloud stays unreachable.</summary>
    public static async Task StartAsync(IHost host, CloudConnectionOptions cloud, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(cloud);
        var endpoint = $"{cloud.CloudHost}:{cloud.CloudPort}";
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TimeoutException($"cloud at {endpoint} unreachable after {cloud.ConnectTimeout.TotalSeconds:0.#} s: {e.GetBaseException().Message}", e);
        }

        EdgeLog.Connected(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Edge"), endpoint);
    }

    private static IPEndPoint Resolve(string host, int port)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"--cloud-host '{host}' resolves to no address");
            return new IPEndPoint(chosen, port);
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"--cloud-host '{host}' cannot be resolved: {e.Message}", e);
        }
    }
}
