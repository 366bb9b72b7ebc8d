using System.Buffers.Binary;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Checkpoints;

public sealed class WeightCodecTests
{
    [Fact]
    public void Decode_EncodedModel_RoundTripsNamesShapesTypesAndValues()
    {
        using var model = new TinyNet(3);
        var weights = ModelWeights.FromModule(model);

        var decoded = WeightCodec.Decode(WeightCodec.Encode(weights));

        Assert.Equal(weights.Select(t => t.Name), decoded.Select(t => t.Name));
        foreach (var original in weights)
        {
            var copy = decoded[original.Name];
            Assert.Equal(original.Shape, copy.Shape);
            Assert.Equal(original.DType, copy.DType);
            Assert.Equal(original.Float32, copy.Float32);
            Assert.Equal(original.Int64, copy.Int64);
        }

        Assert.Contains(decoded, t => t.DType == WeightDType.Int64);
        Assert.Contains(decoded, t => t.Shape.Length == 0);
    }

    [Fact]
    public void LoadInto_DecodedWeights_ReproducesTheModelsOutputs()
    {
        using var scope = NewDisposeScope();
        using var source = new TinyNet(3, seed: 1);
        using var target = new TinyNet(3, seed: 2);
        var input = randn(4, 2, 64);
        source.eval();
        target.eval();
        Assert.False(source.call(input).allclose(target.call(input)));

        ModelWeights.FromBytes(ModelWeights.FromModule(source).ToBytes()).LoadInto(target);

        Assert.Equal(source.call(input).data<float>().ToArray(), target.call(input).data<float>().ToArray());
    }

    [Theory]
    [InlineData("complex_resnet50_rml2016")]
    [InlineData("real_resnet20_link11")]
    public void LoadInto_RegistryModelsWeights_ReproducesTheirOutputs(string preset)
    {
        using var scope = NewDisposeScope();
        var dataset = ModelRegistry.DatasetOf(preset)!;
        var spec = ModelRegistry.Resolve(preset, dataset, inputLength: 64, width: 0.125, depth: preset.StartsWith("complex", StringComparison.Ordinal) ? [1, 1, 1, 1] : [1, 1, 1]);
        using var source = ModelRegistry.Create(spec, 1);
        using var target = ModelRegistry.Create(spec, 2);
        source.train();
        source.call(randn(8, 2, 64)); // move the batch-norm statistics away from their initial values
        source.eval();
        target.eval();
        var input = randn(3, 2, 64);

        ModelWeights.FromBytes(ModelWeights.FromModule(source).ToBytes()).LoadInto(target);

        Assert.Equal(source.call(input).data<float>().ToArray(), target.call(input).data<float>().ToArray());
    }

    [Fact]
    public void Encode_NonFiniteWeight_Throws()
    {
        var weights = new ModelWeights([new WeightTensor("w", [2], [1f, float.NaN])]);

        var error = Assert.Throws<InvalidDataException>(() => WeightCodec.Encode(weights));

        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Decode_NonFiniteValueInBytes_Throws(float bad)
    {
        var bytes = WeightCodec.Encode(new ModelWeights([new WeightTensor("layer.weight", [3], [1f, 2f, 3f])]));
        // The last float sits just before the 4-byte end marker.
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(bytes.Length - 8), bad);

        var error = Assert.Throws<InvalidDataException>(() => WeightCodec.Decode(bytes));

        Assert.Contains("NaN or infinite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedBytes_ThrowsAtEveryCut()
    {
        using var model = new TinyNet(3);
        var bytes = ModelWeights.FromModule(model).ToBytes();

        foreach (var cut in new[] { 0, 3, 9, 13, bytes.Length / 2, bytes.Length - 5, bytes.Length - 1 })
        {
            Assert.Throws<InvalidDataException>(() => WeightCodec.Decode(bytes.AsSpan(0, cut)));
        }
    }

    [Fact]
    public void Decode_WrongMagicVersionOrTrailingBytes_Throws()
    {
        var bytes = WeightCodec.Encode(new ModelWeights([new WeightTensor("a", [1], [1f])]));

        var badMagic = (byte[])bytes.Clone();
        badMagic[0] = (byte)'X';
        var badVersion = (byte[])bytes.Clone();
        badVersion[4] = 9;
        byte[] trailing = [.. bytes, 0];

        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => WeightCodec.Decode(badMagic)).Message, StringComparison.Ordinal);
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => WeightCodec.Decode(badVersion)).Message, StringComparison.Ordinal);
        Assert.Contains("trailing", Assert.Throws<InvalidDataException>(() => WeightCodec.Decode(trailing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadInto_WeightsOfAWiderModel_ThrowsNamingTheShapeAndLeavesModelUnchanged()
    {
        using var wide = new TinyNet(3, channels: 16);
        using var narrow = new TinyNet(3, channels: 12);
        var before = ModelWeights.FromModule(narrow).ToBytes();

        var error = Assert.Throws<InvalidDataException>(() => ModelWeights.FromModule(wide).LoadInto(narrow));

        Assert.Contains("[16, 2, 9]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, ModelWeights.FromModule(narrow).ToBytes());
    }

    [Fact]
    public void LoadInto_MissingAndExtraNames_ThrowsListingThem()
    {
        using var model = new TinyNet(3);
        var weights = ModelWeights.FromModule(model);
        var renamed = new ModelWeights(weights.Select(t => t.Name == "_head.bias" ? new WeightTensor("_head.offset", t.Shape, t.Float32!) : t));

        var error = Assert.Throws<InvalidDataException>(() => renamed.LoadInto(model));

        Assert.Contains("missing _head.bias", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected _head.offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCompatible_SameArchitecture_PassesAndOtherClassCountFails()
    {
        using var a = new TinyNet(3, seed: 1);
        using var b = new TinyNet(3, seed: 5);
        using var c = new TinyNet(4);

        ModelWeights.FromModule(a).CheckCompatible(ModelWeights.FromModule(b));

        Assert.Throws<InvalidDataException>(() => ModelWeights.FromModule(c).CheckCompatible(ModelWeights.FromModule(a)));
    }
}
