namespace CloudEdge.Grains.Teacher;

/// <summary>What the silo's teachers have done since it started.</summary>
public sealed record TeacherTotals(long Batches, long Samples, long BytesIn, long BytesOut, long Rejected);
