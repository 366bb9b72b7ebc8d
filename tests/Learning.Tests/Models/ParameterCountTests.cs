using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ParameterCountTests
{
    // Full presets (width 1, published depth), trainable parameters; see docs/models.md.
    [Theory]
    [InlineData("complex_resnet50_rml2016", 31_959_622)]
    [InlineData("complex_resnet50_link11", 31_963_719)]
    [InlineData("complex_resnet50_radar", 31_963_719)]
    [InlineData("real_resnet20_rml2016", 93_702)]
    [InlineData("real_resnet20_link11", 93_895)]
    [InlineData("real_resnet20_radar", 93_895)]
    public void Create_FullPreset_HasStatedAndAnalyticParameterCount(string preset, long expected)
    {
        using var scope = NewDisposeScope();
        var spec = ModelRegistry.Resolve(preset, ModelRegistry.DatasetOf(preset)!);
        using var model = ModelRegistry.Create(spec, seed: 0);

        var built = TestModels.CountParameters(model);

        Assert.Equal(expected, built);
        Assert.Equal(built, ModelRegistry.Describe(spec).Parameters);
    }

    [Theory]
    [InlineData(ModelArchitectures.ComplexResNet50, 0.25, 128, 7)]
    [InlineData(ModelArchitectures.ComplexResNet50, 0.3, 1024, 3)]
    [InlineData(ModelArchitectures.RealResNet20, 0.5, 1024, 11)]
    [InlineData(ModelArchitectures.RealResNet20, 2.0, 64, 2)]
    public void Describe_ScaledModel_ParameterCountMatchesBuiltModel(string family, double width, int length, int classes)
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec(family, classes, length, width);
        using var model = ModelRegistry.Create(spec, seed: 0);

        Assert.Equal(TestModels.CountParameters(model), ModelRegistry.Describe(spec).Parameters);
    }

    [Fact]
    public void Describe_FullTeacher_CostsFourRealMacsPerComplexMac()
    {
        var teacher = ModelRegistry.Describe(ModelRegistry.Resolve("complex_resnet50_rml2016", DatasetCatalog.Rml2016));

        var complexConvs = teacher.Layers.Where(l => l.Kind == "cconv").ToList();

        Assert.All(complexConvs, l => Assert.Equal(4 * l.OutChannels * l.InChannels * l.Kernel * l.OutLength, l.Macs));
        Assert.Equal(2 * teacher.Macs, teacher.ForwardFlops);
        Assert.InRange(teacher.ForwardFlops, 2.0e9, 4.0e9);
    }
}
