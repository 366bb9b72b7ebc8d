using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;

namespace CloudEdge.Learning.Tests.Federated;

/// <summary>Model states for aggregation tests: a conv-like weight, a long bias (SIMD body and scalar tail) and a batch-norm counter.</summary>
internal static class FederatedData
{
    public const string Conv = "conv.weight";
    public const string Bias = "fc.bias";
    public const string Counter = "bn.num_batches_tracked";
    public const int BiasLength = 37;

    public static ModelWeights State(float[] conv, float[] bias, long counter) => new(
    [
        new WeightTensor(Conv, [2, 3], conv),
        new WeightTensor(Bias, [BiasLength], bias),
        new WeightTensor(Counter, [], [counter]),
    ]);

    public static ModelWeights Random(Random rng, float scale = 1, long counter = 10) =>
        State(Values(rng, 6, scale), Values(rng, BiasLength, scale), counter);

    public static ClientUpdate Update(string edge, ModelWeights weights, long examples = 10) => new(edge, weights, examples);

    public static float[] Values(Random rng, int count, float scale = 1) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(((2 * rng.NextDouble()) - 1) * scale))];

    /// <summary>Copies <paramref name="weights"/>, replacing the float32 values of one tensor.</summary>
    public static ModelWeights With(ModelWeights weights, string name, Func<float[], float[]> change) =>
        new(weights.Select(t => t.Name == name ? new WeightTensor(t.Name, t.Shape, change((float[])t.Float32!.Clone())) : t));

    /// <summary>Every float32 value of <paramref name="weights"/> multiplied by <paramref name="factor"/>.</summary>
    public static ModelWeights Scaled(ModelWeights weights, float factor) =>
        new(weights.Select(t => t.DType == WeightDType.Float32 ? new WeightTensor(t.Name, t.Shape, [.. t.Float32!.Select(v => v * factor)]) : t));
}
