using System.ComponentModel.DataAnnotations;

namespace CloudEdge.EdgeClient.Hosting;

/// <summary>How an edge reaches the cloud (the Orleans gateway of the silo).</summary>
public sealed class CloudConnectionOptions
{
    public const string Section = "Cloud";

    /// <summary>Host name or address of the silo gateway.</summary>
    [Required]
    public string CloudHost { get; set; } = "127.0.0.1";

    /// <summary>Gateway port (the silo's --cloud-port).</summary>
    [Range(1, 65535)]
    public int CloudPort { get; set; } = 9999;

    /// <summary>Orleans cluster id; must match the silo.</summary>
    [Required]
    public string ClusterId { get; set; } = "cloudedge";

    /// <summary>Orleans service id; must match the silo.</summary>
    [Required]
    public string ServiceId { get; set; } = "cloudedge";

    /// <summary>How long to keep retrying an unreachable cloud at start before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
