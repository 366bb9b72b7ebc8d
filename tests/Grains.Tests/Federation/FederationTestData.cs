using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;

namespace CloudEdge.Grains.Tests.Federation;

/// <summary>Small hand-made weight sets and protocol messages for the federation grain tests (no model needed).</summary>
internal static class FederationTestData
{
    /// <summary>A three-tensor state (float weight, float buffer, int64 counter) with every float equal to <paramref name="value"/>.</summary>
    public static ModelWeights Weights(float value, int width = 3, long counter = 1) => new(
    [
        new WeightTensor("conv.weight", [2, width], Enumerable.Repeat(value, 2 * width).ToArray()),
        new WeightTensor("bn.running_mean", [width], Enumerable.Repeat(value / 2, width).ToArray()),
        new WeightTensor("bn.num_batches_tracked", [], [counter]),
    ]);

    public static string Layout(ModelWeights weights) => WeightLayout.Fingerprint(weights.Select(t => (t.Name, t.DType.ToString(), t.Shape)));

    public static FederationConfig Config(int edges = 3, int min = 3, int rounds = 2, double deadline = 60, string strategy = "fedavg") =>
        new("rml2016", "real_resnet20_rml2016", 6, 128, edges, min, rounds, 1, 0.001, strategy, 0.01, 0.2, deadline);

    public static JoinRequest Join(string edge, ModelWeights? weights = null, string dataset = "rml2016", string family = "real_resnet20", int classes = 6, int length = 128) =>
        new(edge, dataset, family, classes, length, Layout(weights ?? Weights(0)), "test layout", 100);

    public static Submission Submit(string edge, int round, ModelWeights weights, long examples = 10, double accuracy = 0.5) =>
        new(edge, round, weights.ToBytes(), examples, new Dictionary<string, double> { ["train_accuracy"] = accuracy });

    /// <summary>Encoded weights with one float replaced by NaN (the codec refuses to encode NaN, so the bytes are patched).</summary>
    public static byte[] WithNaN(ModelWeights weights)
    {
        const float Marker = 1234.5f;
        var first = weights[0];
        var values = (float[])first.Float32!.Clone();
        values[0] = Marker;
        var marked = new ModelWeights([new WeightTensor(first.Name, first.Shape, values), .. weights.Skip(1)]);
        var bytes = marked.ToBytes();
        var pattern = BitConverter.GetBytes(Marker);
        var at = bytes.AsSpan().IndexOf(pattern);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, at);
        return bytes;
    }
}
