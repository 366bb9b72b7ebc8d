namespace CloudEdge.DeviceSim.Streaming;

/// <summary>How a device streams: where to, how much, how fast.</summary>
/// <param name="Endpoint">NetMQ endpoint to connect to, e.g. tcp://127.0.0.1:5555.</param>
/// <param name="DeviceId">This device's name on the wire.</param>
/// <param name="BatchSize">Samples per frame.</param>
/// <param name="TotalSamples">Samples to send in all.</param>
/// <param name="Interval">Pause between frames (the reference's --interval), or zero.</param>
/// <param name="Rate">Target samples/s (overrides Interval when set).</param>
/// <param name="SendHighWaterMark">Frames NetMQ queues before the sender blocks.</param>
internal sealed record StreamSettings(string Endpoint, string DeviceId, int BatchSize, int TotalSamples, TimeSpan Interval, double? Rate, int SendHighWaterMark = 100);
