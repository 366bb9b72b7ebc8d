using System.CommandLine;
using CloudEdge.Cli;

namespace CloudEdge.EdgeClient.Hosting;

/// <summary>The options every edge command that talks to the cloud shares: where the cloud is, how long to retry, the link rate.</summary>
internal sealed class CloudOptionSet
{
    public Option<string> CloudHost { get; } = Opt.Create("--cloud-host", "host of the cloud silo's gateway", "127.0.0.1");

    public Option<int> CloudPort { get; } = Opt.Create("--cloud-port", "port of the cloud silo's gateway", 9999).Check(p => p is > 0 and < 65536, "must be a TCP port");

    public Option<double> RateLimit { get; } = Opt.Create("--rate-limit", "edge ↔ cloud link rate in MB/s (0 = unlimited)", 10.0).Check(v => v >= 0 && double.IsFinite(v), "must be ≥ 0");

    public Option<double> ConnectTimeout { get; } = Opt.Create("--connect-timeout", "seconds to keep retrying an unreachable cloud", 30.0).Check(v => v >= 0, "must be ≥ 0");

    /// <summary>The connection settings the options give.</summary>
    public CloudConnectionOptions Connection(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new CloudConnectionOptions
        {
            CloudHost = parse.GetValue(CloudHost)!,
            CloudPort = parse.GetValue(CloudPort),
            ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(ConnectTimeout)),
        };
    }
}
