using System.ComponentModel.DataAnnotations;

namespace CloudEdge.Silo.Hosting;

/// <summary>Options of the cloud host, bound from the "Cloud" section (appsettings.json, CLOUDEDGE_Cloud__* environment, command line).</summary>
public sealed class CloudOptions
{
    public const string Section = "Cloud";

    /// <summary>Orleans gateway port the edges connect to (the reference's cloud port).</summary>
    [Range(1, 65535)]
    public int CloudPort { get; set; } = 9999;

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>HTTP port of the Orleans dashboard.</summary>
    [Range(1, 65535)]
    public int DashboardPort { get; set; } = 8080;

    /// <summary>Address the dashboard listens on.</summary>
    [Required]
    public string DashboardHost { get; set; } = "127.0.0.1";

    /// <summary>Orleans cluster id (edges must use the same).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ClusterId { get; set; } = "cloudedge";

    /// <summary>Orleans service id.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ServiceId { get; set; } = "cloudedge";
}
