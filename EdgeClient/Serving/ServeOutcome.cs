namespace CloudEdge.EdgeClient.Serving;

/// <summary>How a serving run ended and what it served.</summary>
/// <param name="StopReason"><c>end of stream</c>, <c>cancelled</c>, <c>idle</c> or <c>source closed</c>.</param>
/// <param name="DevicesEnded">End-of-stream frames received.</param>
/// <param name="SamplesAnnounced">Samples the devices said they sent (sum over their end frames).</param>
/// <param name="Elapsed">From the start of serving to the last answer.</param>
/// <param name="Samples">One record per classified sample, in classification order.</param>
public sealed record ServeOutcome(string StopReason, int DevicesEnded, long SamplesAnnounced, TimeSpan Elapsed, IReadOnlyList<ServedSample> Samples);
