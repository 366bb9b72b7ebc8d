using System.Diagnostics;
using System.Threading.Channels;
using CloudEdge.Learning.Data;
using CloudEdge.Signals.Data;
using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// Replays a data file through the serving pipeline as if a device sent it (<c>--data-source file</c>): frames of
/// <c>frameSize</c> samples stamped with their send time, at <c>rate</c> samples/s (or as fast as the pipeline
/// takes them), then an end-of-stream frame. With more samples asked for than the file holds it wraps around.
/// Labels travel as indices into the dataset's catalog classes, as a device sends them.
/// </summary>
public sealed class FileSource : IDeviceSource
{
    private readonly SignalDataset _data;
    private readonly DatasetInfo _dataset;
    private readonly int _frameSize;
    private readonly double? _rate;
    private readonly int _total;
    private readonly TimeProvider _time;
    private readonly string _deviceId;
    private readonly int[] _labels;
    private readonly Channel<DeviceMessage> _channel;
    private long _frames;
    private long _samples;

    public FileSource(SignalDataset data, DatasetInfo dataset, int frameSize, double? rate, int? totalSamples, TimeProvider time, int capacity = 64, string deviceId = "file")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSize);
        if (data.Count == 0)
        {
            throw new ArgumentException("the --data file holds no samples");
        }

        if (rate is { } r && !(r > 0 && double.IsFinite(r)))
        {
            throw new ArgumentException($"--replay-rate must be > 0 (got {r})");
        }

        _labels = new int[data.Classes.Count];
        for (var c = 0; c < data.Classes.Count; c++)
        {
            _labels[c] = IndexOf(dataset.Classes, data.Classes[c]);
            if (_labels[c] < 0)
            {
                throw new ArgumentException($"the --data file has class '{data.Classes[c]}', which is not a {dataset.Id} class ({string.Join(", ", dataset.Classes)})");
            }
        }

        _data = data;
        _dataset = dataset;
        _frameSize = frameSize;
        _rate = rate;
        _total = totalSamples ?? data.Count;
        _time = time;
        _deviceId = deviceId;
        _channel = Channel.CreateBounded<DeviceMessage>(new BoundedChannelOptions(capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public ChannelReader<DeviceMessage> Reader => _channel.Reader;

    public long FramesAccepted => Interlocked.Read(ref _frames);

    public long SamplesAccepted => Interlocked.Read(ref _samples);

    public FrameRejections Rejections { get; } = new();

    /// <summary>Writes every frame and the end frame, then completes the channel.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = _data.SampleSize;
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        try
        {
            while (sent < _total)
            {
                var count = Math.Min(_frameSize, _total - sent);
                if (_rate is { } rate)
                {
                    var wait = TimeSpan.FromSeconds(sent / rate) - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }
                }

                var ids = new long[count];
                var labels = new int[count];
                var snr = new int[count];
                var stamps = new long[count];
                var iq = new float[count * size];
                var now = UnixMicros.Now(_time);
                for (var k = 0; k < count; k++)
                {
                    var i = (sent + k) % _data.Count;
                    ids[k] = sent + k;
                    labels[k] = _labels[_data.Y[i]];
                    snr[k] = _data.Snr?[i] ?? WireFormat.UnknownSnr;
                    stamps[k] = now;
                    _data.Sample(i).CopyTo(iq.AsSpan(k * size, size));
                }

                var frame = new SampleBatchFrame(_deviceId, _dataset.Id, _data.Length, ids, labels, snr, stamps, iq);
                await _channel.Writer.WriteAsync(new DeviceMessage(frame, null, now), cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _frames);
                Interlocked.Add(ref _samples, count);
                sent += count;
            }

            await _channel.Writer.WriteAsync(new DeviceMessage(null, new EndOfStreamFrame(_deviceId, _dataset.Id, sent), UnixMicros.Now(_time)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _channel.Writer.TryComplete();
        }
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (ClassNames.Same(classes[i], name))
            {
                return i;
            }
        }

        return -1;
    }
}
