using System.Threading.Channels;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Where the serving pipeline's frames come from: devices over the network, or a replayed data file.</summary>
public interface IDeviceSource
{
    /// <summary>Accepted frames, in arrival order; completed when the source stops.</summary>
    ChannelReader<DeviceMessage> Reader { get; }

    /// <summary>Sample frames accepted so far.</summary>
    long FramesAccepted { get; }

    /// <summary>Samples in accepted frames so far.</summary>
    long SamplesAccepted { get; }

    /// <summary>Frames rejected, by kind.</summary>
    FrameRejections Rejections { get; }
}
