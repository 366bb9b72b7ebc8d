using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ModelRegistryTests
{
    [Fact]
    public void Names_ListsTeacherAndStudentPresetPerDataset()
    {
        Assert.Equal(
            ["complex_resnet50_rml2016", "complex_resnet50_link11", "complex_resnet50_radar", "real_resnet20_rml2016", "real_resnet20_link11", "real_resnet20_radar"],
            ModelRegistry.Names);
    }

    [Theory]
    [InlineData("complex_resnet50_rml2016", "complex_resnet50")]
    [InlineData("Real_ResNet20_Radar", "real_resnet20")]
    [InlineData("real_resnet20", "real_resnet20")]
    public void Family_KnownName_ReturnsCanonicalArchitecture(string name, string family)
    {
        Assert.Equal(family, ModelRegistry.Family(name));
    }

    [Theory]
    [InlineData("resnet50_rml2016")]
    [InlineData("complex_resnet50_foo")]
    [InlineData("real_resnet20_")]
    [InlineData("")]
    public void Family_UnknownName_ThrowsArgumentExceptionListingKnownNames(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelRegistry.Family(name));

        Assert.Contains("real_resnet20_link11", error.Message, StringComparison.Ordinal);
        Assert.False(ModelRegistry.IsKnown(name));
    }

    [Fact]
    public void Resolve_PresetOnItsDataset_TakesClassesAndLengthFromDataset()
    {
        var teacher = ModelRegistry.Resolve("complex_resnet50_link11", DatasetCatalog.Link11);
        var student = ModelRegistry.Resolve("real_resnet20", DatasetCatalog.Rml2016, inputLength: 256, width: 0.5, depth: [1, 2, 3]);

        Assert.Equal(new ModelSpec(ModelArchitectures.ComplexResNet50, 7, 1024), teacher);
        Assert.Equal([3, 4, 6, 3], teacher.StageDepths);
        Assert.Equal(4, teacher.StemDownsampling);
        Assert.Equal(new ModelSpec(ModelArchitectures.RealResNet20, 6, 256, 0.5, [1, 2, 3]), student);
        Assert.Equal(1, student.StemDownsampling);
    }

    [Fact]
    public void Resolve_PresetOfOtherDataset_ThrowsArgumentExceptionNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelRegistry.Resolve("real_resnet20_radar", DatasetCatalog.Link11));

        Assert.Contains("radar", error.Message, StringComparison.Ordinal);
        Assert.Contains("real_resnet20_link11", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(-1.0, null)]
    [InlineData(1.0, new[] { 1, 1 })]
    [InlineData(1.0, new[] { 1, 0, 1, 1 })]
    public void Resolve_BadSizeKnobs_ThrowsArgumentException(double width, int[]? depth)
    {
        Assert.Throws<ArgumentException>(() => ModelRegistry.Resolve("complex_resnet50", DatasetCatalog.Rml2016, width: width, depth: depth));
    }

    [Fact]
    public void Create_UnknownArchitecture_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ModelRegistry.Create(new ModelSpec("vgg16", 6, 128)));
    }

    [Theory]
    [InlineData(ModelArchitectures.ComplexResNet50)]
    [InlineData(ModelArchitectures.RealResNet20)]
    public void Create_SameSeed_GivesIdenticalWeightsAndDifferentSeedDifferentWeights(string family)
    {
        using var scope = NewDisposeScope();
        var spec = family == ModelArchitectures.ComplexResNet50 ? TestModels.TinyTeacher(DatasetCatalog.Radar) : TestModels.TinyStudent(DatasetCatalog.Radar);
        using var a = ModelRegistry.Create(spec, seed: 42);
        using var b = ModelRegistry.Create(spec, seed: 42);
        using var c = ModelRegistry.Create(spec, seed: 43);
        var sa = a.state_dict();
        var sb = b.state_dict();
        var sc = c.state_dict();

        Assert.All(sa, kv => Assert.True(kv.Value.eq(sb[kv.Key]).all().item<bool>(), kv.Key));
        var randomKeys = sa.Keys.Where(IsRandomlyInitialised).ToList();
        Assert.NotEmpty(randomKeys);
        Assert.All(randomKeys, k => Assert.False(sa[k].eq(sc[k]).all().item<bool>(), k));
    }

    [Fact]
    public void Create_Seeded_LeavesGlobalGeneratorStreamUnchanged()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(123);
        var expected = rand(5);
        random.manual_seed(123);
        using var model = ModelRegistry.Create(TestModels.TinyStudent(DatasetCatalog.Rml2016), seed: 9);

        var actual = rand(5);

        Assert.True(expected.eq(actual).all().item<bool>());
    }

    [Theory]
    [InlineData(ModelArchitectures.ComplexResNet50, 128)]
    [InlineData(ModelArchitectures.ComplexResNet50, 1024)]
    [InlineData(ModelArchitectures.RealResNet20, 128)]
    [InlineData(ModelArchitectures.RealResNet20, 1024)]
    public void Backward_SmallModel_GivesFiniteGradientForEveryParameter(string family, int length)
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec(family, 6, length, family == ModelArchitectures.ComplexResNet50 ? 0.0625 : 0.25, family == ModelArchitectures.ComplexResNet50 ? [1, 1, 1, 1] : [1, 1, 1]);
        using var model = ModelRegistry.Create(spec, seed: 5);
        model.train();
        var x = TestModels.RandomInput(4, length, seed: 6);
        var labels = tensor(new long[] { 0, 1, 2, 3 });

        nn.functional.cross_entropy(model.call(x), labels).backward();

        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.NotNull(parameter.grad);
            Assert.True(TestModels.Values(parameter.grad!).All(float.IsFinite), name);
        }

        Assert.True(model.parameters().Count(p => p.grad!.abs().sum().item<float>() > 0) > model.parameters().Count() * 9 / 10);
    }

    private static bool IsRandomlyInitialised(string key) =>
        key.EndsWith(".weight_re", StringComparison.Ordinal)
        || key.EndsWith(".weight_im", StringComparison.Ordinal)
        || (key.EndsWith(".weight", StringComparison.Ordinal)
            && (key.Contains("conv", StringComparison.Ordinal) || key.Contains("downsample.0", StringComparison.Ordinal) || key.StartsWith("fc.", StringComparison.Ordinal)));
}
