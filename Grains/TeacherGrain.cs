using System.Diagnostics;
using CloudEdge.Grains.Interfaces;
using CloudEdge.Grains.Teacher;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;
using Orleans.Concurrency;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Grains;

/// <summary>
/// The cloud teacher for one dataset (key = dataset id). A stateless worker: Orleans runs several activations per
/// silo, each with its own model, so batches from many edges are classified in parallel. Each call validates the
/// batch first; a malformed one is rejected with an <see cref="ArgumentException"/> and the activation stays healthy.
/// </summary>
[StatelessWorker]
public sealed class TeacherGrain(TeacherRegistry registry, TeacherMetrics metrics) : Grain, ITeacherGrain
{
    private nn.Module<Tensor, Tensor>? _model;
    private LoadedCheckpoint? _checkpoint;

    public Task<TeacherInfo> Describe()
    {
        var checkpoint = Checkpoint();
        var meta = checkpoint.Metadata;
        return Task.FromResult(new TeacherInfo(meta.Dataset, [.. meta.Classes], meta.Architecture, meta.InputLength, meta.ParameterCount));
    }

    public Task<ClassifyResult> Classify(SignalBatch batch, ClassifyOutput output)
    {
        var predictions = Run(batch, keepLogits: output == ClassifyOutput.Logits, keepProbabilities: output == ClassifyOutput.Probabilities, out var ms);
        var scores = output switch
        {
            ClassifyOutput.Logits => predictions.Logits,
            ClassifyOutput.Probabilities => predictions.Probabilities,
            _ => null,
        };
        var result = new ClassifyResult(predictions.Predicted.Select(p => (int)p).ToArray(), predictions.Confidence, predictions.NumClasses, scores, output, ms);
        metrics.RecordBatch(batch.Count, batch.PayloadBytes, result.PayloadBytes, ms);
        return Task.FromResult(result);
    }

    public Task<LogitsResult> SoftLabels(SignalBatch batch)
    {
        var predictions = Run(batch, keepLogits: true, keepProbabilities: false, out var ms);
        var result = new LogitsResult(batch.Count, predictions.NumClasses, predictions.Logits!, ms);
        metrics.RecordBatch(batch.Count, batch.PayloadBytes, result.PayloadBytes, ms);
        return Task.FromResult(result);
    }

    private LoadedCheckpoint Checkpoint() => _checkpoint ??= registry.Get(this.GetPrimaryKeyString());

    private Predictions Run(SignalBatch batch, bool keepLogits, bool keepProbabilities, out double ms)
    {
        var checkpoint = Checkpoint();
        Validate(batch, checkpoint.Metadata);
        _model ??= registry.CreateModel(checkpoint.Metadata.Dataset);
        var started = Stopwatch.GetTimestamp();
        var predictions = Predictor.Predict(_model, batch.Iq, batch.Length, new PredictOptions
        {
            BatchSize = Math.Max(1, batch.Count),
            Normalization = checkpoint.Metadata.Normalization,
            KeepLogits = keepLogits,
            KeepProbabilities = keepProbabilities,
        });
        ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return predictions;
    }

    private void Validate(SignalBatch? batch, CheckpointMetadata meta)
    {
        var problem = batch switch
        {
            null => "batch is missing",
            { Iq: null } => "batch has no IQ payload",
            _ when !string.Equals(batch.Dataset, meta.Dataset, StringComparison.OrdinalIgnoreCase) => $"batch is for dataset '{batch.Dataset}' but this teacher serves '{meta.Dataset}'",
            _ when batch.Length != meta.InputLength => $"batch has samples of length {batch.Length}, the teacher takes {meta.InputLength}",
            _ when batch.Count < 1 || batch.Count > registry.MaxBatch => $"batch has {batch.Count} samples (allowed 1..{registry.MaxBatch})",
            _ when batch.Iq.LongLength != (long)batch.Count * 2 * batch.Length => $"batch payload holds {batch.Iq.LongLength} floats, {batch.Count} samples of [2, {batch.Length}] need {(long)batch.Count * 2 * batch.Length}",
            _ when !AllFinite(batch.Iq) => "batch holds NaN or infinite values",
            _ => null,
        };
        if (problem is not null)
        {
            metrics.RecordRejected();
            throw new ArgumentException($"teacher {meta.Dataset}: {problem}");
        }
    }

    private static bool AllFinite(float[] values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
