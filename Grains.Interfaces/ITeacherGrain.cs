namespace CloudEdge.Grains.Interfaces;

/// <summary>
/// The cloud teacher for one dataset (grain key = dataset id, e.g. "rml2016"). A stateless worker: the silo runs
/// as many activations as there are cores, each holding its own copy of the model, so batches from many
/// edges are classified in parallel. Malformed batches are rejected with an <see cref="ArgumentException"/>
/// that names the problem and leaves the grain healthy.
/// </summary>
public interface ITeacherGrain : IGrainWithStringKey
{
    /// <summary>What the teacher is: dataset, classes, architecture, input length.</summary>
    Task<TeacherInfo> Describe();

    /// <summary>Classifies a batch: predictions and confidences, with probabilities or logits when asked for.</summary>
    Task<ClassifyResult> Classify(SignalBatch batch, ClassifyOutput output);

    /// <summary>Raw teacher logits for knowledge distillation (the edge applies its temperature).</summary>
    Task<LogitsResult> SoftLabels(SignalBatch batch);
}
