using System.Threading.Channels;
using CloudEdge.EdgeClient.Serving;

namespace CloudEdge.EdgeClient.Tests.Serving;

/// <summary>A device source fed by the test.</summary>
internal sealed class ChannelSource : IDeviceSource
{
    private readonly Channel<DeviceMessage> _channel = Channel.CreateUnbounded<DeviceMessage>();
    private long _frames;
    private long _samples;

    public ChannelReader<DeviceMessage> Reader => _channel.Reader;

    public long FramesAccepted => _frames;

    public long SamplesAccepted => _samples;

    public FrameRejections Rejections { get; } = new();

    public void Write(DeviceMessage message)
    {
        if (message.Samples is { } s)
        {
            _frames++;
            _samples += s.Count;
        }

        Assert.True(_channel.Writer.TryWrite(message));
    }

    public void Complete() => _channel.Writer.TryComplete();
}
