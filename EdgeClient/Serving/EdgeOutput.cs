namespace CloudEdge.EdgeClient.Serving;

/// <summary>The student's answer for a batch: per sample a class index and a confidence score (see <see cref="ConfidenceKind"/>).</summary>
public sealed record EdgeOutput(int[] Predictions, float[] Confidences);
