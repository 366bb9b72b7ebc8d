using CloudEdge.EdgeClient.Hosting;
using CloudEdge.EdgeClient.Training;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>What <c>EdgeClient federated</c> was asked to do, validated.</summary>
/// <param name="Student">The shared student settings (edge, data, model size, seed, batch size, device).</param>
/// <param name="FederationId">The federation to join.</param>
/// <param name="KdModelPath">The checkpoint whose weights this edge starts from (its KD model); null = the shared initial student.</param>
/// <param name="NumRounds">Rounds this edge expects (checked against the federation), or null.</param>
/// <param name="LocalEpochs">Local epochs this edge expects, or null.</param>
/// <param name="LearningRate">Learning rate this edge expects, or null.</param>
/// <param name="Strategy">Strategy this edge expects, or null.</param>
/// <param name="KdAlpha">Weight of the distillation term during local training (0 = plain cross-entropy).</param>
/// <param name="KdTemperature">Distillation temperature.</param>
/// <param name="TeacherBatch">Samples per teacher call when fetching soft labels.</param>
/// <param name="Cloud">How to reach the cloud.</param>
/// <param name="RateLimit">Link rate in MB/s (0 = unlimited).</param>
/// <param name="Threads">Torch CPU threads (0 = all cores).</param>
internal sealed record FederatedSettings(
    StudentSettings Student,
    string FederationId,
    string? KdModelPath,
    int? NumRounds,
    int? LocalEpochs,
    double? LearningRate,
    string? Strategy,
    double KdAlpha,
    double KdTemperature,
    int TeacherBatch,
    CloudConnectionOptions Cloud,
    double RateLimit,
    int Threads)
{
    /// <summary>This edge's id in the federation (<c>edge-{id}</c>).</summary>
    public string EdgeName => $"edge-{Student.EdgeId}";

    /// <summary><c>models/edge/{dataset}/edge_{id}_federated_model.ckpt</c>: the final global model as this edge's federated model.</summary>
    public string ModelPath => Student.ModelPath("federated");

    /// <summary><c>models/edge/{dataset}/federated_global_model.ckpt</c>.</summary>
    public string GlobalModelPath => Path.Combine(Student.ModelsDir, "edge", Student.Dataset.Id, "federated_global_model.ckpt");

    /// <summary><c>models/edge/{dataset}/edge_{id}_federated_model.rounds.json</c>.</summary>
    public string RoundsPath => Learning.Training.SupervisedJob.SiblingPath(ModelPath, ".rounds.json");
}
