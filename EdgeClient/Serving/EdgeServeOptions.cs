using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Everything <c>EdgeClient serve</c> was asked to do, parsed from its options.</summary>
public sealed record EdgeServeOptions
{
    public int EdgeId { get; init; } = 1;

    public required DatasetInfo Dataset { get; init; }

    /// <summary>Expected class count (checked against the edge model and the teacher).</summary>
    public int? NumClasses { get; init; }

    public required string EdgeModelPath { get; init; }

    /// <summary><c>device</c> (NetMQ PULL) or <c>file</c> (replay <see cref="DataPath"/>).</summary>
    public string DataSource { get; init; } = "device";

    public string? DataPath { get; init; }

    /// <summary>NetMQ endpoint devices push to, e.g. <c>tcp://*:5555</c>.</summary>
    public string DeviceEndpoint { get; init; } = "tcp://*:5555";

    /// <summary>Frames buffered between the receive loop and the micro-batcher.</summary>
    public int ChannelCapacity { get; init; } = 64;

    /// <summary>Frames the device socket queues before pushing back on devices.</summary>
    public int HighWaterMark { get; init; } = 1000;

    public ConfidenceKind Confidence { get; init; } = ConfidenceKind.Max;

    public double RateLimitMegabytesPerSecond { get; init; } = 10;

    public required ServeSettings Serve { get; init; }

    public string? SaveResults { get; init; }

    /// <summary>Seconds between progress lines (0 = none).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>File source: samples per second (null = as fast as the pipeline takes them).</summary>
    public double? ReplayRate { get; init; }

    /// <summary>File source: samples to replay (wrapping around); null = the file once.</summary>
    public int? TotalSamples { get; init; }

    /// <summary>Torch device: auto, cpu, cuda, cuda:N.</summary>
    public string TorchDevice { get; init; } = "auto";
}
