using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>A decoded frame from a device as the receive loop hands it to the compute side: samples or an end-of-stream marker.</summary>
public sealed record DeviceMessage(SampleBatchFrame? Samples, EndOfStreamFrame? End, long ReceivedAtUnixMicros);
