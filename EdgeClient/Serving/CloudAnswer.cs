namespace CloudEdge.EdgeClient.Serving;

/// <summary>The teacher's answer for a batch: per sample a class index (the edge model's order) and a confidence.</summary>
public sealed record CloudAnswer(int[] Predictions, float[] Confidences);
