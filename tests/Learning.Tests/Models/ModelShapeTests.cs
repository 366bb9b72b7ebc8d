using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Models;

public sealed class ModelShapeTests
{
    public static TheoryData<string, string> FamilyAndDataset()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in ModelArchitectures.All)
        {
            foreach (var id in DatasetCatalog.Ids)
            {
                data.Add(family, id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FamilyAndDataset))]
    public void Forward_SmallModelOnDatasetInput_ReturnsLogitsPerClass(string family, string datasetId)
    {
        using var scope = NewDisposeScope();
        var dataset = DatasetCatalog.Get(datasetId);
        var spec = family == ModelArchitectures.ComplexResNet50 ? TestModels.TinyTeacher(dataset) : TestModels.TinyStudent(dataset);
        using var model = ModelRegistry.Create(spec, seed: 1);
        model.eval();
        using var noGrad = no_grad();

        var logits = model.call(TestModels.RandomInput(3, dataset.DefaultLength, seed: 2));

        Assert.Equal(new long[] { 3, dataset.Classes.Count }, logits.shape);
        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.All(TestModels.Values(logits), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Forward_WrongChannelCount_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var model = ModelRegistry.Create(TestModels.TinyStudent(DatasetCatalog.Rml2016), seed: 1);

        var error = Assert.Throws<ArgumentException>(() => model.call(zeros(2, 3, 128)));

        Assert.Contains("[B, 2, L]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelArchitectures.ComplexResNet50, 128)]
    [InlineData(ModelArchitectures.ComplexResNet50, 1024)]
    [InlineData(ModelArchitectures.RealResNet20, 128)]
    [InlineData(ModelArchitectures.RealResNet20, 1024)]
    public void Describe_LayerTable_MatchesShapesOfBuiltModel(string family, int length)
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec(family, 5, length, family == ModelArchitectures.ComplexResNet50 ? 0.0625 : 0.25, family == ModelArchitectures.ComplexResNet50 ? [1, 2, 1, 1] : [2, 1, 2]);
        var profile = ModelRegistry.Describe(spec);
        using var model = ModelRegistry.Create(spec, seed: 3);
        var observed = new Dictionary<string, long[]>();
        var hooks = model.named_modules()
            .Where(m => profile.Layers.Any(l => l.Name == m.name))
            .Select(m => ((nn.Module<Tensor, Tensor>)m.module).register_forward_hook((_, _, output) =>
            {
                observed[m.name] = output.shape;
                return output;
            }))
            .ToList();
        model.eval();
        using (no_grad())
        {
            model.call(TestModels.RandomInput(2, length, seed: 4));
        }

        hooks.ForEach(h => h.remove());
        Assert.Equal(profile.Layers.Count, observed.Count);
        foreach (var layer in profile.Layers)
        {
            var shape = observed[layer.Name];
            if (layer.Kind == "linear")
            {
                Assert.Equal(new[] { 2, layer.OutChannels }, shape);
                continue;
            }

            var channels = layer.Kind is "cconv" or "cbn" || (layer.Kind == "pool" && family == ModelArchitectures.ComplexResNet50) ? 2 * layer.OutChannels : layer.OutChannels;
            Assert.Equal(new[] { 2, channels, layer.OutLength }, shape);
        }
    }

    [Fact]
    public void StateDict_BothFamilies_KeysAreCleanAndNamedAfterFields()
    {
        using var scope = NewDisposeScope();
        using var teacher = ModelRegistry.Create(TestModels.TinyTeacher(DatasetCatalog.Rml2016), seed: 1);
        using var student = ModelRegistry.Create(TestModels.TinyStudent(DatasetCatalog.Rml2016), seed: 1);
        var teacherKeys = teacher.state_dict().Keys.ToList();
        var studentKeys = student.state_dict().Keys.ToList();

        var clean = new System.Text.RegularExpressions.Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z0-9]+(_[a-z0-9]+)*)*$");
        Assert.All(teacherKeys.Concat(studentKeys), k => Assert.Matches(clean, k));
        Assert.Subset(teacherKeys.ToHashSet(), new HashSet<string>
        {
            "conv1.weight_re", "conv1.weight_im", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_covar",
            "layer1.0.conv1.weight_re", "layer1.0.bn3.weight", "layer1.0.downsample.0.weight_im", "layer1.0.downsample.1.running_covar",
            "layer4.0.conv2.weight_re", "fc.weight", "fc.bias",
        });
        Assert.Subset(studentKeys.ToHashSet(), new HashSet<string>
        {
            "conv1.weight", "bn1.weight", "bn1.running_mean", "bn1.running_var", "layer1.0.conv1.weight",
            "layer2.0.downsample.0.weight", "layer2.0.downsample.1.bias", "layer3.0.bn2.weight", "fc.weight", "fc.bias",
        });
    }
}
