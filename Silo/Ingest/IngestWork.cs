using CloudEdge.Signals.Wire;

namespace CloudEdge.Silo.Ingest;

/// <summary>A sample frame waiting for the teacher: who sent it (ROUTER identity), the frame, and when it arrived.</summary>
internal sealed record IngestWork(byte[] Identity, SampleBatchFrame Frame, long ReceivedAtUnixMicros);
