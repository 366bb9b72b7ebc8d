namespace CloudEdge.Learning.Training;

/// <summary>How the learning rate changes over the epochs of a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>The base rate throughout.</summary>
    Constant,

    /// <summary>Cosine annealing from the base rate (first epoch) towards the minimum rate (after the last).</summary>
    Cosine,

    /// <summary>The base rate multiplied by the step factor every step-size epochs.</summary>
    Step,
}
