using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

/// <summary>Small model specs and helpers shared by the model tests.</summary>
internal static class TestModels
{
    /// <summary>A small teacher: width 1/16 (4 complex channels in the stem), one block per stage.</summary>
    public static ModelSpec TinyTeacher(DatasetInfo dataset) =>
        ModelRegistry.Resolve(ModelArchitectures.ComplexResNet50, dataset, width: 0.0625, depth: [1, 1, 1, 1]);

    /// <summary>A small student: width 1/4 (4, 4, 8, 16 channels), one block per stage.</summary>
    public static ModelSpec TinyStudent(DatasetInfo dataset) =>
        ModelRegistry.Resolve(ModelArchitectures.RealResNet20, dataset, width: 0.25, depth: [1, 1, 1]);

    public static long CountParameters(nn.Module model) => model.parameters().Sum(p => p.numel());

    public static Tensor RandomInput(long batch, long length, long seed)
    {
        using var generator = new Generator((ulong)seed, CPU);
        return randn([batch, 2, length], generator: generator);
    }

    public static float[] Values(Tensor t) => t.detach().cpu().to(ScalarType.Float32).contiguous().data<float>().ToArray();
}
