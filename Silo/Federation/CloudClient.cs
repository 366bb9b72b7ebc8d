using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace CloudEdge.Silo.Federation;

/// <summary>A short-lived Orleans client of a running cloud, for the <c>Silo federation</c> subcommands.</summary>
internal static class CloudClient
{
    /// <summary>Connects to the gateway at <paramref name="host"/>:<paramref name="port"/>; a clear error when the cloud is not reachable.</summary>
    public static async Task<IHost> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var gateway = new IPEndPoint(await Resolve(host, cancellationToken).ConfigureAwait(false), port);
        // No default configuration (the silo's appsettings.json would turn on its information logs): warnings only.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [], DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Critical).AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(gateway);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("cloudedge", "cloudedge"));
        });
        var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            app.Dispose();
            throw new TimeoutException($"cloud at {host}:{port} is not reachable: {e.GetBaseException().Message}", e);
        }

        return app;
    }

    private static async Task<IPAddress> Resolve(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new ArgumentException($"--cloud-host '{host}' resolves to no address");
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"--cloud-host '{host}' cannot be resolved: {e.Message}", e);
        }
    }
}
