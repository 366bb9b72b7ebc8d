using System.Collections.Concurrent;

namespace CloudEdge.Silo.Ingest;

/// <summary>Running accuracy of the ingest endpoint, overall and per device; thread-safe.</summary>
public sealed class IngestTally
{
    private readonly ConcurrentDictionary<string, AccuracyCount> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _announced = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private AccuracyCount _overall;

    public AccuracyCount Overall
    {
        get
        {
            lock (_gate)
            {
                return _overall;
            }
        }
    }

    /// <summary>Adds one batch's counts; returns the new overall counts.</summary>
    public AccuracyCount Add(string device, AccuracyCount batch)
    {
        _devices.AddOrUpdate(device, batch, (_, old) => old + batch);
        lock (_gate)
        {
            _overall += batch;
            return _overall;
        }
    }

    /// <summary>What one device's samples have scored so far.</summary>
    public AccuracyCount Device(string device) => _devices.GetValueOrDefault(device);

    /// <summary>Counts samples of <paramref name="device"/> answered as failed.</summary>
    public void AddFailed(string device, long samples) => _failed.AddOrUpdate(device, samples, (_, n) => n + samples);

    /// <summary>Samples of <paramref name="device"/> answered so far, classified or failed.</summary>
    public long Finished(string device) => Device(device).Samples + _failed.GetValueOrDefault(device);

    /// <summary>Records a device's end-of-stream frame; the stream is complete once that many samples are finished.</summary>
    public void Announce(string device, long sent) => _announced[device] = sent;

    /// <summary>
    /// True exactly once per announced stream: when every sample the device said it sent has been answered.
    /// <paramref name="sent"/> is the announced count, <paramref name="stream"/> what the stream scored; the
    /// device's counts then start again from zero for its next stream.
    /// </summary>
    public bool TryComplete(string device, out long sent, out AccuracyCount stream)
    {
        stream = default;
        if (!_announced.TryGetValue(device, out sent) || Finished(device) < sent || !_announced.TryRemove(new KeyValuePair<string, long>(device, sent)))
        {
            return false;
        }

        _devices.TryRemove(device, out stream);
        _failed.TryRemove(device, out _);
        return true;
    }
}
