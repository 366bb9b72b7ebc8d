using System.Threading.Channels;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.Signals.Wire;
using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Sockets;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The network side of the edge: a NetMQ PULL socket bound to the device port, on its own thread (NetMQ sockets
/// are thread-affine), decoding frames and writing them to a bounded channel. A full channel blocks the loop, so
/// the socket's receive high-water mark then pushes back on devices. Malformed frames are dropped and counted
/// per kind (one log line per kind); the loop never dies on bad input.
/// </summary>
public sealed class DeviceReceiver : IDeviceSource, IDisposable
{
    private readonly string _endpoint;
    private readonly string _dataset;
    private readonly int? _length;
    private readonly Channel<DeviceMessage> _channel;
    private readonly EdgeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _highWaterMark;
    private readonly TaskCompletionSource _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _frames;
    private long _samples;

    public DeviceReceiver(string endpoint, string dataset, int? length, int channelCapacity, int highWaterMark, EdgeMetrics metrics, ILogger logger)
    {
        _endpoint = endpoint;
        _dataset = dataset;
        _length = length;
        _metrics = metrics;
        _logger = logger;
        _highWaterMark = highWaterMark;
        _channel = Channel.CreateBounded<DeviceMessage>(new BoundedChannelOptions(channelCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>What the compute side reads.</summary>
    public ChannelReader<DeviceMessage> Reader => _channel.Reader;

    public FrameRejections Rejections { get; } = new();

    public long FramesAccepted => Interlocked.Read(ref _frames);

    public long SamplesAccepted => Interlocked.Read(ref _samples);

    /// <summary>Completes once the socket is bound (or faults if binding failed).</summary>
    public Task Bound => _bound.Task;

    public void Start(CancellationToken cancellationToken)
    {
        _thread = new Thread(() => Run(cancellationToken)) { IsBackground = true, Name = "device-receiver" };
        _thread.Start();
    }

    public void Dispose() => _thread?.Join(TimeSpan.FromSeconds(5));

    private void Run(CancellationToken cancellationToken)
    {
        try
        {
            using var pull = new PullSocket();
            pull.Options.ReceiveHighWatermark = _highWaterMark;
            pull.Options.Linger = TimeSpan.Zero;
            try
            {
                pull.Bind(_endpoint);
            }
            catch (NetMQException e)
            {
                _bound.TrySetException(new InvalidOperationException($"cannot listen for devices on {_endpoint}: {e.Message}", e));
                return;
            }

            EdgeLog.Listening(_logger, _endpoint);
            _bound.TrySetResult();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!pull.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(100), out var bytes, out var more))
                {
                    continue;
                }

                if (more)
                {
                    // Devices send one frame per message; drain and drop multi-part messages.
                    while (more && pull.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(100), out _, out more))
                    {
                    }

                    Reject(DecodeFailure.Malformed, "multi-part message");
                    continue;
                }

                var decoded = WireFormat.Decode(bytes, _dataset, _length);
                if (!decoded.Ok)
                {
                    Reject(decoded.Failure, decoded.Error);
                    continue;
                }

                var now = UnixMicros.Now();
                var message = decoded.Kind == FrameKind.Samples ? new DeviceMessage(decoded.Samples, null, now)
                    : decoded.Kind == FrameKind.EndOfStream ? new DeviceMessage(null, decoded.End, now)
                    : null;
                if (message is null)
                {
                    Reject(DecodeFailure.UnknownKind, $"{decoded.Kind} frames are not accepted from devices");
                    continue;
                }

                _metrics.FramesReceived.Add(1);
                if (message.Samples is { } s)
                {
                    Interlocked.Increment(ref _frames);
                    Interlocked.Add(ref _samples, s.Count);
                    _metrics.SamplesReceived.Add(s.Count);
                }

                // Blocks while the channel is full: backpressure onto the socket's high-water mark.
                while (!_channel.Writer.TryWrite(message))
                {
                    if (!_channel.Writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _bound.TrySetCanceled(CancellationToken.None);
            _channel.Writer.TryComplete();
        }
    }

    private void Reject(DecodeFailure failure, string error)
    {
        _metrics.FramesRejected.Add(1, new KeyValuePair<string, object?>("kind", failure.ToString()));
        if (Rejections.Add(failure))
        {
            EdgeLog.MalformedFrame(_logger, failure.ToString(), error);
        }
    }
}
