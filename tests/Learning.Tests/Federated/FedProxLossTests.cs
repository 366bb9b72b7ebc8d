using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Tests.Training;
using CloudEdge.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Federated;

public sealed class FedProxLossTests
{
    private const double Mu = 0.3;

    [Fact]
    public void Compute_ZeroInnerLoss_GradientIsMuTimesDistanceToGlobal()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 1);
        var global = GlobalFor(seed: 2);
        using var loss = new FedProxLoss(new ZeroLoss(), model, global, Mu);
        using var batch = Batch();

        loss.Compute(model.call(batch.X), batch).backward();

        foreach (var (name, parameter) in model.named_parameters())
        {
            var w = Values(parameter);
            var g = global[name].Float32!;
            var grad = Values(parameter.grad!);
            for (var j = 0; j < w.Length; j++)
            {
                Assert.Equal(Mu * (w[j] - g[j]), grad[j], 1e-6);
            }
        }
    }

    [Fact]
    public void Compute_CrossEntropyInner_AddsMuTimesDistanceToTheInnerGradient()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 3);
        var global = GlobalFor(seed: 4);
        using var batch = Batch();
        var plain = Gradients(model, CrossEntropyLossFunction.Instance, batch);
        using var loss = new FedProxLoss(CrossEntropyLossFunction.Instance, model, global, Mu);

        var prox = Gradients(model, loss, batch);

        foreach (var (name, parameter) in model.named_parameters())
        {
            var w = Values(parameter);
            var g = global[name].Float32!;
            for (var j = 0; j < w.Length; j++)
            {
                Assert.Equal(plain[name][j] + (Mu * (w[j] - g[j])), prox[name][j], 1e-5);
            }
        }
    }

    [Fact]
    public void ProximalTerm_HandComputation_IsSquaredDistanceOverParameters()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 5);
        var global = GlobalFor(seed: 6);
        var current = ModelWeights.FromModule(model);
        using var loss = new FedProxLoss(new ZeroLoss(), model, global, Mu);
        using var batch = Batch();

        var term = loss.ProximalTerm().item<float>();
        var total = loss.Compute(model.call(batch.X), batch).item<float>();

        var expected = current.Sum(t => t.Float32!.Zip(global[t.Name].Float32!, (w, g) => (double)(w - g) * (w - g)).Sum());
        Assert.Equal(expected, term, 1e-5);
        Assert.Equal(Mu / 2 * expected, total, 1e-5);
    }

    [Fact]
    public void Compute_MuZero_ReturnsTheInnerLoss()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 7);
        using var loss = new FedProxLoss(CrossEntropyLossFunction.Instance, model, GlobalFor(seed: 8), 0);
        using var batch = Batch();
        var logits = model.call(batch.X);

        Assert.Equal(CrossEntropyLossFunction.Instance.Compute(logits, batch).item<float>(), loss.Compute(logits, batch).item<float>());
    }

    [Fact]
    public void ProximalTerm_AnchoredAtCurrentWeights_StartsAtZero()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 9);
        using var loss = new FedProxLoss(CrossEntropyLossFunction.Instance, model, Mu);

        Assert.Equal(0f, loss.ProximalTerm().item<float>());
    }

    [Fact]
    public void ProximalTerm_FrozenParameter_IsLeftOut()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 10);
        var global = GlobalFor(seed: 11);
        using var loss = new FedProxLoss(new ZeroLoss(), model, global, Mu);
        model.bias!.requires_grad_(false);

        var term = loss.ProximalTerm().item<float>();

        var w = Values(model.weight!);
        var expected = w.Zip(global["weight"].Float32!, (a, b) => (double)(a - b) * (a - b)).Sum();
        Assert.Equal(expected, term, 1e-5);
    }

    [Fact]
    public void ProximalTerm_ModelConvertedToFloat64_AnchorsFollowTheParameters()
    {
        using var scope = NewDisposeScope();
        using var model = Linear(seed: 12);
        var global = GlobalFor(seed: 13);
        using var loss = new FedProxLoss(new ZeroLoss(), model, global, Mu);
        var before = loss.ProximalTerm().item<float>();

        model.to(ScalarType.Float64);
        var term = loss.ProximalTerm();

        Assert.Equal(ScalarType.Float64, term.dtype);
        Assert.Equal(before, term.item<double>(), 1e-5);
    }

    [Fact]
    public void Constructor_GlobalWithoutAParameter_ThrowsNamingIt()
    {
        using var model = Linear(seed: 14);
        var global = new ModelWeights(GlobalFor(seed: 15).Where(t => t.Name != "bias"));

        var error = Assert.Throws<ArgumentException>(() => new FedProxLoss(new ZeroLoss(), model, global, Mu));

        Assert.Equal("FedProx: the global weights lack parameter 'bias' of the model", error.Message);
    }

    [Fact]
    public void Constructor_GlobalOfOtherShape_ThrowsNamingIt()
    {
        using var model = Linear(seed: 16);
        using var other = nn.Linear(4, 2);
        var global = ModelWeights.FromModule(other);

        var error = Assert.Throws<ArgumentException>(() => new FedProxLoss(new ZeroLoss(), model, global, Mu));

        Assert.Contains("'weight' is Float32 [2, 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LargeMu_KeepsTheModelCloserToTheGlobalWeights()
    {
        var data = ToneData.Create(20);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 16, LearningRate = 0.01, Seed = 3, Device = CPU };
        using var start = new TinyNet(3, seed: 5);
        var global = ModelWeights.FromModule(start);

        var plain = DistanceAfterTraining(global, options, data, mu: 0);
        var prox = DistanceAfterTraining(global, options, data, mu: 10);

        Assert.True(prox < 0.5 * plain, $"distance to the global model: {prox} with mu = 10, {plain} without");
    }

    private static double DistanceAfterTraining(ModelWeights global, TrainerOptions options, Signals.Data.SignalDataset data, double mu)
    {
        using var model = new TinyNet(3, seed: 99);
        global.LoadInto(model);
        using (var loss = new FedProxLoss(CrossEntropyLossFunction.Instance, model, global, mu))
        {
            new Trainer(options).Fit(model, data, loss: loss, cancellationToken: TestContext.Current.CancellationToken);
        }

        var trained = ModelWeights.FromModule(model);
        var names = model.named_parameters().Select(p => p.name).ToHashSet(StringComparer.Ordinal);
        return Math.Sqrt(trained.Where(t => names.Contains(t.Name))
            .Sum(t => t.Float32!.Zip(global[t.Name].Float32!, (w, g) => (double)(w - g) * (w - g)).Sum()));
    }

    private static TorchSharp.Modules.Linear Linear(int seed)
    {
        var model = nn.Linear(3, 2);
        var rng = new Random(seed);
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters())
        {
            using var values = tensor(FederatedData.Values(rng, (int)parameter.numel()), parameter.shape);
            parameter.copy_(values);
        }

        return model;
    }

    private static ModelWeights GlobalFor(int seed)
    {
        using var other = Linear(seed);
        return ModelWeights.FromModule(other);
    }

    private static TensorBatch Batch()
    {
        var rng = new Random(17);
        return new TensorBatch(tensor(FederatedData.Values(rng, 12), [4, 3]), tensor(new long[] { 0, 1, 1, 0 }), [0, 1, 2, 3]);
    }

    private static Dictionary<string, float[]> Gradients(nn.Module<Tensor, Tensor> model, ILossFunction loss, TensorBatch batch)
    {
        model.zero_grad();
        loss.Compute(model.call(batch.X), batch).backward();
        return model.named_parameters().ToDictionary(p => p.name, p => Values(p.parameter.grad!));
    }

    private static float[] Values(Tensor t) => t.detach().cpu().to(ScalarType.Float32).contiguous().data<float>().ToArray();

    /// <summary>An inner loss of zero that keeps the graph, so the gradient is the proximal term's alone.</summary>
    private sealed class ZeroLoss : ILossFunction
    {
        public Tensor Compute(Tensor logits, TensorBatch batch) => logits.sum() * 0;
    }
}
