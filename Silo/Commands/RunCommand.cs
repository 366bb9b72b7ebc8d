using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Silo.Hosting;

namespace CloudEdge.Silo.Commands;

/// <summary><c>Silo run</c> (the default command): host the cloud until Ctrl-C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var cloudPort = Opt.Create("--cloud-port", "Orleans gateway port the edges connect to", 9999).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var siloPort = Opt.Create("--silo-port", "silo-to-silo port", 11111).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var dashboardPort = Opt.Create("--dashboard-port", "Orleans dashboard HTTP port", 8080).Check(p => p is > 0 and < 65536, "must be a TCP port");
        var dashboardHost = Opt.Create("--dashboard-host", "address the dashboard listens on", "127.0.0.1");
        var command = new Command("run", "Host the cloud: Orleans silo (teacher, federation and statistics grains) with the dashboard.")
        {
            cloudPort, siloPort, dashboardPort, dashboardHost,
        };
        command.SetAction(async (parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>
            {
                [$"{CloudOptions.Section}:{nameof(CloudOptions.CloudPort)}"] = parse.GetValue(cloudPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.SiloPort)}"] = parse.GetValue(siloPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.DashboardPort)}"] = parse.GetValue(dashboardPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{CloudOptions.Section}:{nameof(CloudOptions.DashboardHost)}"] = parse.GetValue(dashboardHost),
            };
            await using var app = CloudHost.Build(overrides);
            await app.RunAsync(ct == default ? CancellationToken.None : ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
