using System.Diagnostics;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Signals.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>
/// The training loop every trainer of the project shares: Adam with a learning-rate schedule, seeded
/// shuffling, a pluggable objective (<see cref="ILossFunction"/>), per-epoch validation, best-epoch keeping
/// and restore, optional early stop, progress reporting, a JSON epoch log and cancellation. Each step runs in
/// its own dispose scope, so native memory stays flat over epochs.
/// </summary>
public sealed class Trainer
{
    private readonly ITrainingProgress _progress;

    public Trainer(TrainerOptions options, ITrainingProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _progress = progress ?? SilentTrainingProgress.Instance;
    }

    public TrainerOptions Options { get; }

    /// <summary>
    /// Trains <paramref name="model"/> (moved to the training device, left there in train mode) on
    /// <paramref name="train"/>. With <paramref name="validation"/>, every epoch is validated, the best epoch's
    /// weights are restored at the end (see <see cref="TrainerOptions.RestoreBest"/>) and early stop can apply.
    /// <paramref name="loss"/> defaults to cross-entropy; it receives batches whose indices refer to <paramref name="train"/>.
    /// </summary>
    public TrainingResult Fit(
        nn.Module<Tensor, Tensor> model,
        SignalDataset train,
        SignalDataset? validation = null,
        ILossFunction? loss = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        CheckData(train, validation);
        loss ??= CrossEntropyLossFunction.Instance;
        TorchRuntime.ConfigureThreads();
        var device = Options.Device ?? TorchRuntime.DefaultDevice;
        torch.manual_seed(Options.Seed);
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.manual_seed_all(Options.Seed);
        }

        model.to(device);
        var run = new Run(this, model, train, validation, loss, device);
        return _progress.Run(Options.Epochs, () => run.Execute(cancellationToken));
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="model"/> on <paramref name="data"/> (eval mode, no gradients).</summary>
    public static (double Loss, double Accuracy) Evaluate(
        nn.Module<Tensor, Tensor> model, BatchLoader data, Device device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(device);
        var wasTraining = model.training;
        model.eval();
        double lossSum = 0;
        long correct = 0;
        using (no_grad())
        {
            foreach (var indices in data.EpochOrder(null))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batch = data.MakeBatch(indices, device);
                var logits = model.call(batch.X);
                lossSum += nn.functional.cross_entropy(logits, batch.Y, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(batch.Y).sum().item<long>();
            }
        }

        model.train(wasTraining);
        var n = Math.Max(1, data.Dataset.Count);
        return (lossSum / n, (double)correct / n);
    }

    private void CheckData(SignalDataset train, SignalDataset? validation)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("the training set is empty", nameof(train));
        }

        if (validation is null)
        {
            if (Options.Patience is not null)
            {
                throw new ArgumentException("early stopping (patience) needs a validation set", nameof(validation));
            }

            return;
        }

        if (validation.Count == 0)
        {
            throw new ArgumentException("the validation set is empty", nameof(validation));
        }

        if (validation.Length != train.Length || validation.Classes.Count != train.Classes.Count)
        {
            throw new ArgumentException(
                $"validation data ({validation.Classes.Count} classes, length {validation.Length}) does not match the training data ({train.Classes.Count} classes, length {train.Length})",
                nameof(validation));
        }
    }

    /// <summary>State of one <see cref="Fit"/> call.</summary>
    private sealed class Run(Trainer trainer, nn.Module<Tensor, Tensor> model, SignalDataset train, SignalDataset? validation, ILossFunction loss, Device device)
    {
        private readonly TrainerOptions _options = trainer.Options;
        private readonly List<EpochRecord> _records = [];
        private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
        private ModelWeights? _best;
        private int _bestEpoch;
        private double? _bestValAccuracy;
        private double? _bestValLoss;
        private bool _stoppedEarly;

        public TrainingResult Execute(CancellationToken cancellationToken)
        {
            var trainLoader = new BatchLoader(train, _options.BatchSize, _options.Normalization);
            var valLoader = validation is null ? null : new BatchLoader(validation, _options.BatchSize, _options.Normalization);
            var shuffle = new Random(SeedMix.ToInt32(_options.Seed, 1));
            using var optimizer = optim.Adam(model.parameters(), _options.LearningRate, weight_decay: _options.WeightDecay);
            var total = Stopwatch.StartNew();
            double trainSeconds = 0;
            long trainSamples = 0;
            var sinceBest = 0;
            for (var epoch = 1; epoch <= _options.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var epochClock = Stopwatch.StartNew();
                var lr = _options.LearningRateAt(epoch - 1);
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = lr;
                }

                var (trainLoss, trainAccuracy, seconds) = TrainEpoch(epoch, trainLoader, shuffle, optimizer, cancellationToken);
                trainSeconds += seconds;
                trainSamples += train.Count;
                double? valLoss = null, valAccuracy = null;
                if (valLoader is not null)
                {
                    (var vl, var va) = Evaluate(model, valLoader, device, cancellationToken);
                    (valLoss, valAccuracy) = (vl, va);
                }

                var record = new EpochRecord(epoch, lr, trainLoss, trainAccuracy, valLoss, valAccuracy, epochClock.Elapsed.TotalSeconds, train.Count / Math.Max(1e-9, seconds));
                _records.Add(record);
                var improved = Improved(valLoss, valAccuracy);
                if (improved)
                {
                    _bestEpoch = epoch;
                    (_bestValLoss, _bestValAccuracy) = (valLoss, valAccuracy);
                    _best = valLoader is not null && _options.RestoreBest && epoch < _options.Epochs ? ModelWeights.FromModule(model) : null;
                    sinceBest = 0;
                }
                else
                {
                    sinceBest++;
                }

                if (_options.Patience is { } patience && sinceBest >= patience && epoch < _options.Epochs)
                {
                    _stoppedEarly = true;
                }

                WriteLog(finished: false);
                trainer._progress.EpochCompleted(record, _options.Epochs, improved);
                if (_stoppedEarly)
                {
                    break;
                }
            }

            if (valLoader is null)
            {
                _bestEpoch = _records.Count;
            }
            else if (_options.RestoreBest && _bestEpoch != _records.Count && _best is not null)
            {
                _best.LoadInto(model);
            }
            else if (!_options.RestoreBest)
            {
                // The model keeps its last weights: report those.
                _bestEpoch = _records.Count;
                (_bestValLoss, _bestValAccuracy) = (_records[^1].ValLoss, _records[^1].ValAccuracy);
            }

            model.train();
            WriteLog(finished: true);
            return new TrainingResult
            {
                Epochs = _records,
                BestEpoch = _bestEpoch,
                BestValAccuracy = _bestValAccuracy,
                BestValLoss = _bestValLoss,
                StoppedEarly = _stoppedEarly,
                SamplesPerSecond = trainSamples / Math.Max(1e-9, trainSeconds),
                Seconds = total.Elapsed.TotalSeconds,
                Device = device.ToString(),
                TrainSamples = train.Count,
                ValSamples = validation?.Count ?? 0,
            };
        }

        private (double Loss, double Accuracy, double Seconds) TrainEpoch(
            int epoch, BatchLoader loader, Random shuffle, optim.Optimizer optimizer, CancellationToken cancellationToken)
        {
            model.train();
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long correct = 0;
            var seen = 0;
            var step = 0;
            trainer._progress.EpochStarted(epoch, _options.Epochs, loader.BatchCount);
            foreach (var indices in loader.EpochOrder(shuffle))
            {
                cancellationToken.ThrowIfCancellationRequested();
                step++;
                using (var scope = NewDisposeScope())
                {
                    var batch = loader.MakeBatch(indices, device);
                    optimizer.zero_grad();
                    var logits = model.call(batch.X);
                    var objective = loss.Compute(logits, batch);
                    objective.backward();
                    if (_options.MaxGradNorm is { } maxNorm)
                    {
                        nn.utils.clip_grad_norm_(model.parameters(), maxNorm);
                    }

                    optimizer.step();
                    var value = objective.item<float>();
                    if (!float.IsFinite(value))
                    {
                        throw new InvalidOperationException($"training diverged: the loss is {value} at epoch {epoch}, step {step} (try a lower learning rate)");
                    }

                    lossSum += (double)value * batch.Count;
                    correct += logits.argmax(1).eq(batch.Y).sum().item<long>();
                    seen += batch.Count;
                }

                trainer._progress.BatchCompleted(epoch, step, loader.BatchCount, lossSum / seen, (double)correct / seen, seen / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
            }

            return (lossSum / seen, (double)correct / seen, clock.Elapsed.TotalSeconds);
        }

        private bool Improved(double? valLoss, double? valAccuracy)
        {
            if (valAccuracy is not { } acc || valLoss is not { } vl)
            {
                return false;
            }

            return _bestValAccuracy is not { } bestAcc
                || acc > bestAcc
                || (acc == bestAcc && vl < _bestValLoss);
        }

        private void WriteLog(bool finished)
        {
            if (_options.LogPath is not { } path)
            {
                return;
            }

            new TrainingLog
            {
                StartedUtc = _started,
                Device = device.ToString(),
                TrainSamples = train.Count,
                ValSamples = validation?.Count ?? 0,
                Options = TrainerOptionsSnapshot.From(_options, loss),
                BestEpoch = validation is null ? _records.Count : _bestEpoch,
                StoppedEarly = _stoppedEarly,
                Finished = finished,
                Epochs = [.. _records],
            }.Write(path);
        }
    }
}
