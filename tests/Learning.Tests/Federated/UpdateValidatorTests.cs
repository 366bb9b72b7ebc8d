using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;
using static CloudEdge.Learning.Tests.Federated.FederatedData;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class UpdateValidatorTests
{
    private readonly Random _rng = new(21);

    public static TheoryData<string> AllStrategies => [.. StrategyRegistry.Names];

    [Fact]
    public void ValidateUpdate_CompatibleFiniteUpdate_ReturnsNull()
    {
        var global = Random(_rng);
        var update = new ClientUpdate("edge1", Random(_rng), 12, new Dictionary<string, double> { ["train_loss"] = 0.4 });

        Assert.Null(UpdateValidator.ValidateUpdate(global, update));
    }

    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(float.NaN, 36)]
    [InlineData(float.PositiveInfinity, 9)]
    [InlineData(float.NegativeInfinity, 20)]
    public void ValidateUpdate_NonFiniteWeight_NamesEdgeAndTensor(float bad, int position)
    {
        var weights = With(Random(_rng), Bias, v =>
        {
            v[position] = bad;
            return v;
        });

        var reason = UpdateValidator.ValidateUpdate(Random(_rng), Update("edge7", weights));

        Assert.NotNull(reason);
        Assert.Contains("edge 'edge7'", reason, StringComparison.Ordinal);
        Assert.Contains($"'{Bias}'", reason, StringComparison.Ordinal);
        Assert.Contains("NaN or infinite", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUpdate_ShapeMismatch_NamesEdgeTensorAndBothShapes()
    {
        var global = Random(_rng);
        var weights = new ModelWeights(Random(_rng).Select(t => t.Name == Conv ? new WeightTensor(Conv, [3, 2], t.Float32!) : t));

        var reason = UpdateValidator.ValidateUpdate(global, Update("edge2", weights));

        Assert.Equal($"edge 'edge2': weight '{Conv}' is Float32 [3, 2] but the global model has Float32 [2, 3]", reason);
    }

    [Fact]
    public void ValidateUpdate_ElementTypeMismatch_IsRejected()
    {
        var weights = new ModelWeights(Random(_rng).Select(t => t.Name == Counter ? new WeightTensor(Counter, [], [1f]) : t));

        var reason = UpdateValidator.ValidateUpdate(Random(_rng), Update("edge3", weights));

        Assert.Equal($"edge 'edge3': weight '{Counter}' is Float32 [] but the global model has Int64 []", reason);
    }

    [Fact]
    public void ValidateUpdate_MissingTensor_NamesIt()
    {
        var weights = new ModelWeights(Random(_rng).Where(t => t.Name != Bias));

        var reason = UpdateValidator.ValidateUpdate(Random(_rng), Update("edge4", weights));

        Assert.Equal($"edge 'edge4' lacks weight '{Bias}' of the global model", reason);
    }

    [Fact]
    public void ValidateUpdate_RenamedOrExtraTensor_NamesIt()
    {
        var global = Random(_rng);
        var extra = new ModelWeights(Random(_rng).Append(new WeightTensor("head.weight", [1], [0.5f])));
        var renamed = new ModelWeights(Random(_rng).Select(t => t.Name == Bias ? new WeightTensor("head.bias", t.Shape, t.Float32!) : t));

        Assert.Equal("edge 'edge5' sends weight 'head.weight' that the global model does not have", UpdateValidator.ValidateUpdate(global, Update("edge5", extra)));
        Assert.Equal($"edge 'edge6' lacks weight '{Bias}' of the global model", UpdateValidator.ValidateUpdate(global, Update("edge6", renamed)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ValidateUpdate_NoExamples_IsRejected(long examples)
    {
        var reason = UpdateValidator.ValidateUpdate(Random(_rng), Update("edge8", Random(_rng), examples));

        Assert.Equal($"edge 'edge8' reports {examples} training examples; at least 1 is required", reason);
    }

    [Fact]
    public void ValidateUpdate_NonFiniteMetric_IsRejected()
    {
        var update = new ClientUpdate("edge9", Random(_rng), 3, new Dictionary<string, double> { ["train_loss"] = double.NaN });

        Assert.Equal("edge 'edge9': metric 'train_loss' is NaN", UpdateValidator.ValidateUpdate(Random(_rng), update));
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void Aggregate_OneNaNUpdate_ThrowsNamingEdgeAndTensor(string name)
    {
        var poisoned = With(Random(_rng), Conv, v =>
        {
            v[4] = float.NaN;
            return v;
        });

        var error = Assert.Throws<ArgumentException>(() =>
            StrategyRegistry.Create(name).Aggregate(Random(_rng), [Update("good", Random(_rng)), Update("bad", poisoned)]));

        Assert.Equal($"edge 'bad': weight '{Conv}' holds NaN or infinite values", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void Aggregate_ShapeMismatch_ThrowsNamingEdgeAndTensor(string name)
    {
        var wrong = new ModelWeights(Random(_rng).Select(t => t.Name == Bias ? new WeightTensor(Bias, [36], t.Float32![..36]) : t));

        var error = Assert.Throws<ArgumentException>(() =>
            StrategyRegistry.Create(name).Aggregate(Random(_rng), [Update("good", Random(_rng)), Update("short", wrong)]));

        Assert.Contains("edge 'short'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Bias}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_NoUpdates_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => UpdateValidator.EnsureValid(Random(_rng), []));

        Assert.Equal("aggregation needs at least one client update", error.Message);
    }

    [Fact]
    public void EnsureValid_SameEdgeTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            UpdateValidator.EnsureValid(Random(_rng), [Update("e1", Random(_rng)), Update("e2", Random(_rng)), Update("e1", Random(_rng))]));

        Assert.Equal("edge 'e1' submitted more than one update to the aggregation", error.Message);
    }

    [Fact]
    public void Aggregate_RejectedRound_LeavesGlobalUntouched()
    {
        var global = Random(_rng);
        var before = global.ToBytes();
        var poisoned = With(Random(_rng), Bias, v =>
        {
            v[0] = float.PositiveInfinity;
            return v;
        });

        Assert.Throws<ArgumentException>(() => new FedAvgStrategy().Aggregate(global, [Update("a", Random(_rng)), Update("b", poisoned)]));

        Assert.Equal(before, global.ToBytes());
    }
}
