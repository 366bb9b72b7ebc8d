namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The samples of one micro-batch routed to the cloud: their records and their IQ, <c>[Samples.Count, 2, L]</c>.
/// <see cref="Batch"/> is told when the cloud part is done, so the batch can be reported complete.
/// </summary>
public sealed record CloudRequest(IReadOnlyList<ServedSample> Samples, float[] Iq, BatchProgress Batch);
