using System.Globalization;
using CloudEdge.Signals.Wire;
using CloudEdge.Signals.Statistics;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Keeps what a device sent (label, SNR, send time per id) and matches the cloud's results frames against it.</summary>
internal sealed class CloudAnswers(IReadOnlyList<string> classes)
{
    private readonly Dictionary<long, (int Label, int Snr, long SentAt)> _pending = [];
    private readonly List<double> _latencies = [];
    private readonly List<(int Label, int Snr, int Prediction)> _outcomes = [];
    private long _firstSent = long.MaxValue;
    private long _lastAnswer;

    public int Sent { get; private set; }

    public int Answered { get; private set; }

    public int Failed { get; private set; }

    public long BytesReceived { get; private set; }

    public int Outstanding => _pending.Count;

    public void Record(SampleBatchFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        for (var k = 0; k < frame.Count; k++)
        {
            _pending[frame.Ids[k]] = (frame.Labels[k], frame.Snr[k], frame.SentAtUnixMicros[k]);
            _firstSent = Math.Min(_firstSent, frame.SentAtUnixMicros[k]);
        }

        Sent += frame.Count;
    }

    /// <summary>Matches one received message; returns false when it is not a results frame for this dataset.</summary>
    public bool Accept(byte[] bytes, string dataset, long receivedAtMicros)
    {
        var decoded = WireFormat.Decode(bytes);
        if (decoded.Results is not { } results || !string.Equals(results.Dataset, dataset, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        BytesReceived += bytes.Length;
        for (var k = 0; k < results.Count; k++)
        {
            if (!_pending.Remove(results.Ids[k], out var sent))
            {
                continue;
            }

            var prediction = results.Predictions[k];
            if (prediction < 0)
            {
                Failed++;
            }
            else
            {
                Answered++;
                _latencies.Add(UnixMicros.ElapsedMs(sent.SentAt, receivedAtMicros));
                _lastAnswer = Math.Max(_lastAnswer, receivedAtMicros);
            }

            _outcomes.Add((sent.Label, sent.Snr, prediction));
        }

        return true;
    }

    public CloudStreamResults Results(string dataset, string deviceId, long bytesSent, TimeSpan elapsed)
    {
        var labelled = _outcomes.Where(o => o.Label >= 0).ToList();
        labelled.AddRange(_pending.Values.Where(p => p.Label >= 0).Select(p => (p.Label, p.Snr, -1)));
        var perClass = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            var mine = labelled.Where(o => o.Label == c).ToList();
            perClass[classes[c]] = mine.Count == 0 ? null : (double)mine.Count(o => o.Prediction == c) / mine.Count;
        }

        var perSnr = labelled.Where(o => o.Snr != WireFormat.UnknownSnr).GroupBy(o => o.Snr).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => (double)g.Count(o => o.Prediction == o.Label) / g.Count(), StringComparer.Ordinal);
        var span = Answered > 0 ? (_lastAnswer - _firstSent) / 1e6 : 0;
        return new CloudStreamResults
        {
            Dataset = dataset,
            DeviceId = deviceId,
            SamplesSent = Sent,
            TeacherSamples = Answered,
            SamplesFailed = Failed,
            SamplesUnanswered = _pending.Count,
            OverallAccuracy = labelled.Count == 0 ? 0 : (double)labelled.Count(o => o.Prediction == o.Label) / labelled.Count,
            BytesToCloud = bytesSent,
            BytesFromCloud = BytesReceived,
            ThroughputSps = span > 0 ? Answered / span : 0,
            DurationSeconds = elapsed.TotalSeconds,
            Latency = LatencySummary.Of(_latencies),
            PerClass = perClass,
            PerSnr = perSnr,
        };
    }
}
