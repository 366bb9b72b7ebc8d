using CloudEdge.Signals.Wire;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Builds a device's consecutive sample frames from a source: ids 0, 1, 2, ... and the send time stamp.</summary>
internal sealed class FrameFactory(ISampleSource source, string deviceId, TimeProvider time)
{
    private long _nextId;

    /// <summary>The next frame of up to <paramref name="count"/> samples, stamped now.</summary>
    public SampleBatchFrame Next(int count)
    {
        var data = source.Next(count);
        var ids = new long[data.Count];
        var stamps = new long[data.Count];
        var now = UnixMicros.Now(time);
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _nextId++;
            stamps[i] = now;
        }

        var snr = data.Snr ?? Enumerable.Repeat(WireFormat.UnknownSnr, data.Count).ToArray();
        return new SampleBatchFrame(deviceId, source.Dataset.Id, data.Length, ids, data.Y.Select(y => (int)y).ToArray(), snr, stamps, data.X);
    }

    /// <summary>The end-of-stream frame after <paramref name="sent"/> samples.</summary>
    public byte[] End(long sent) => WireFormat.Encode(new EndOfStreamFrame(deviceId, source.Dataset.Id, sent));
}
