namespace CloudEdge.Silo.Ingest;

/// <summary>An encoded results frame on its way back to the device with ROUTER identity <see cref="Identity"/>.</summary>
internal sealed record IngestReply(byte[] Identity, byte[] Payload);
