namespace CloudEdge.Learning.Checkpoints;

/// <summary>Element types the weight codec carries (codes as written in the byte format).</summary>
public enum WeightDType : byte
{
    /// <summary>32-bit float: parameters and batch-norm statistics.</summary>
    Float32 = 1,

    /// <summary>64-bit integer: counters such as batch-norm's <c>num_batches_tracked</c>.</summary>
    Int64 = 2,
}
