namespace CloudEdge.Signals.Wire;

/// <summary>The last frame of a device's stream: how many samples it sent, so the receiver knows its statistics are complete.</summary>
public sealed record EndOfStreamFrame(string DeviceId, string Dataset, long SamplesSent);
