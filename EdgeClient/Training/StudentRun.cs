using System.Globalization;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using Spectre.Console;

namespace CloudEdge.EdgeClient.Training;

/// <summary>Trains an edge's student with a given objective and reports it: shared by kd and baseline.</summary>
internal static class StudentRun
{
    public static SupervisedOutcome Train(StudentSettings settings, string kind, SignalDataset train, SignalDataset? test, Func<SignalDataset, ILossFunction>? loss, CancellationToken cancellationToken)
    {
        var path = settings.ModelPath(kind);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var job = new SupervisedJob
        {
            Dataset = settings.Dataset.Id,
            Preset = settings.Preset,
            Width = settings.Width,
            Depth = settings.Depth,
            Data = train,
            Test = test,
            ValRatio = settings.ValRatio,
            Trainer = settings.Trainer,

            // Every edge starts from the same initial student (same dataset, preset and seed), so averaging their models is meaningful.
            ModelSeed = settings.Seed,
            OutputPath = path,
            LossFactory = loss,
            Method = kind,
        };
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"edge {settings.EdgeId} {kind}: {settings.Preset} on {train.Count} samples, {settings.Trainer.Epochs} epochs, batch {settings.Trainer.BatchSize}, lr {settings.Trainer.LearningRate}")));
        var outcome = SupervisedTraining.Run(job, new ConsoleTrainingProgress($"edge {settings.EdgeId} {kind}"), cancellationToken);
        var m = outcome.Metrics;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"edge {settings.EdgeId} {kind}: best epoch {m.BestEpoch}/{m.EpochsRun}, val accuracy {m.BestValAccuracy:P2}, test accuracy {m.TestAccuracy:P2} (SNR ≥ 10 dB: {m.TestAccuracySnrGe10:P2}), {m.SamplesPerSecond:F0} samples/s")));
        if (m.Test is { } report)
        {
            ReportTables.Write(AnsiConsole.Console, report, $"edge {settings.EdgeId} {kind} on the test set");
        }

        AnsiConsole.MarkupLine(Markup.Escape($"wrote {job.OutputPath}, {job.MetricsPath}, {job.LogPath}"));
        return outcome;
    }
}
