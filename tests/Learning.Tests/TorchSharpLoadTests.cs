using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Torch_ForwardAndBackward_ComputesGradient()
    {
        using var scope = NewDisposeScope();
        var lin = nn.Linear(3, 1);
        var x = tensor(new float[] { 1, 2, 3 }).reshape(1, 3);
        var y = lin.call(x).sum();
        y.backward();
        var grad = lin.weight!.grad!;
        Assert.Equal(new long[] { 1, 3 }, grad.shape);
        Assert.Equal(new float[] { 1, 2, 3 }, grad.data<float>().ToArray());
    }
}
