using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ModelPrecisionTests
{
    [Theory]
    [InlineData("fp32", InferencePrecision.Float32)]
    [InlineData("Float32", InferencePrecision.Float32)]
    [InlineData("bf16", InferencePrecision.BFloat16)]
    [InlineData("BFLOAT16", InferencePrecision.BFloat16)]
    public void Parse_KnownName_ReturnsPrecision(string text, InferencePrecision expected)
    {
        Assert.Equal(expected, ModelPrecision.Parse(text));
    }

    [Fact]
    public void Parse_UnknownName_ThrowsArgumentExceptionListingNames()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelPrecision.Parse("fp16"));

        Assert.Contains("bf16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelArchitectures.ComplexResNet50)]
    [InlineData(ModelArchitectures.RealResNet20)]
    public void ForInference_BFloat16_ConvertsWeightsAndKeepsFloat32LogitsCloseToFloat32(string family)
    {
        using var scope = NewDisposeScope();
        var spec = family == ModelArchitectures.ComplexResNet50 ? TestModels.TinyTeacher(DatasetCatalog.Rml2016) : TestModels.TinyStudent(DatasetCatalog.Rml2016);
        using var fp32 = ModelRegistry.Create(spec, seed: 3);
        using (no_grad())
        {
            fp32.train();
            fp32.call(TestModels.RandomInput(64, 128, seed: 4));
        }

        using var bf16 = ModelRegistry.Create(spec, seed: 3);
        bf16.load_state_dict(fp32.state_dict());
        ModelPrecision.ForInference(fp32, InferencePrecision.Float32);
        ModelPrecision.ForInference(bf16, InferencePrecision.BFloat16);
        var x = TestModels.RandomInput(32, 128, seed: 5);

        using var noGrad = no_grad();
        var reference = fp32.call(x);
        var low = bf16.call(x);

        Assert.All(bf16.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.dtype));
        Assert.False(bf16.training);
        Assert.Equal(ScalarType.Float32, low.dtype);
        var relativeError = ((reference - low).norm() / reference.norm()).item<float>();
        Assert.InRange(relativeError, 1e-6, 0.05);
    }
}
