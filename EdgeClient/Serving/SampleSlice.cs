using CloudEdge.Signals.Wire;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Samples <c>[Start, Start + Count)</c> of a received frame, as one piece of a micro-batch.</summary>
public sealed record SampleSlice(SampleBatchFrame Frame, int Start, int Count, long ReceivedAtUnixMicros);
