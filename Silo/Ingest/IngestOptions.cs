using System.ComponentModel.DataAnnotations;

namespace CloudEdge.Silo.Ingest;

/// <summary>The device ingest endpoint of the cloud (mode B: device → cloud), section "Ingest".</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>TCP port of the NetMQ ROUTER socket devices connect to (0 = no ingest endpoint).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5556;

    /// <summary>Address to listen on (* = all).</summary>
    [Required]
    public string Host { get; set; } = "*";

    /// <summary>Concurrent teacher calls.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>Frames waiting for the teacher; beyond it frames are answered as failed at once.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Socket high-water mark (messages queued per peer).</summary>
    [Range(1, 1_000_000)]
    public int HighWaterMark { get; set; } = 1000;

    /// <summary>Most samples per teacher call (larger frames are split).</summary>
    [Range(1, 4096)]
    public int MaxBatch { get; set; } = 1024;
}
