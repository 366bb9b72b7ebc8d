namespace CloudEdge.EdgeClient.Serving;

/// <summary>What happened to a sample the edge routed to the cloud.</summary>
public enum CloudOutcome
{
    /// <summary>Not sent to the cloud (or its call has not finished).</summary>
    None,

    /// <summary>The teacher answered; the final answer is the teacher's.</summary>
    Answered,

    /// <summary>The call failed (unreachable, slow, rejected, cancelled); the edge's answer stands (degraded).</summary>
    Failed,

    /// <summary>The queue to the cloud was full; the edge's answer stands at once (degraded, never sent).</summary>
    Skipped,
}
