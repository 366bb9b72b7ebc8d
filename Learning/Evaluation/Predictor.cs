using CloudEdge.Learning.Data;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Evaluation;

/// <summary>
/// Batched inference: eval mode, no gradients, a dispose scope per batch, inputs normalised as the checkpoint
/// says, on the device the model's parameters live on.
/// </summary>
public static class Predictor
{
    /// <summary>Runs <paramref name="model"/> over every sample of <paramref name="data"/>.</summary>
    public static Predictions Predict(nn.Module<Tensor, Tensor> model, SignalDataset data, PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Predict(model, data.X, data.Length, options, cancellationToken);
    }

    /// <summary>Runs <paramref name="model"/> over row-major <c>[N, 2, L]</c> samples (<paramref name="x"/> is not modified).</summary>
    public static Predictions Predict(nn.Module<Tensor, Tensor> model, ReadOnlySpan<float> x, int length, PredictOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        options ??= new PredictOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, nameof(options));
        var size = 2 * length;
        if (x.Length % size != 0)
        {
            throw new ArgumentException($"{x.Length} floats are not a whole number of [2, {length}] samples", nameof(x));
        }

        TorchRuntime.ConfigureThreads();
        var n = x.Length / size;
        var device = DeviceOf(model);
        var predicted = new long[n];
        var confidence = new float[n];
        float[]? logitsOut = null, probsOut = null;
        var classes = 0;
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var buffer = new float[Math.Min(n, options.BatchSize) * size];
            for (var start = 0; start < n; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(options.BatchSize, n - start);
                var chunk = buffer.AsSpan(0, count * size);
                x.Slice(start * size, count * size).CopyTo(chunk);
                InputNormalizer.ApplyAll(chunk, length, options.Normalization);
                using var scope = NewDisposeScope();
                var input = torch.tensor(chunk.ToArray(), [count, 2, length]).to(device);
                var logits = model.call(input).to(ScalarType.Float32).cpu();
                if (logits.ndim != 2 || logits.shape[0] != count)
                {
                    throw new InvalidOperationException($"model returned shape [{string.Join(", ", logits.shape)}] for a batch of {count}");
                }

                if (classes == 0)
                {
                    classes = (int)logits.shape[1];
                    logitsOut = options.KeepLogits ? new float[(long)n * classes] : null;
                    probsOut = options.KeepProbabilities ? new float[(long)n * classes] : null;
                }

                var probs = nn.functional.softmax(logits, 1);
                var (max, arg) = probs.max(1);
                max.data<float>().ToArray().CopyTo(confidence, start);
                arg.data<long>().ToArray().CopyTo(predicted, start);
                if (logitsOut is not null)
                {
                    logits.contiguous().data<float>().ToArray().CopyTo(logitsOut, (long)start * classes);
                }

                if (probsOut is not null)
                {
                    probs.contiguous().data<float>().ToArray().CopyTo(probsOut, (long)start * classes);
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return new Predictions(Math.Max(1, classes), predicted, confidence, logitsOut, probsOut);
    }

    /// <summary>The device of the model's first parameter (CPU for a parameterless model).</summary>
    public static Device DeviceOf(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var first = model.parameters().FirstOrDefault();
        return first is null ? CPU : first.device;
    }
}
