using System.Globalization;
using CloudEdge.EdgeClient.Cloud;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Distillation;
using CloudEdge.Learning.Models;
using CloudEdge.Learning.Training;
using CloudEdge.Signals.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>Everything <c>EdgeClient federated</c> does, from the data files to the written models.</summary>
internal static class FederatedRun
{
    public static async Task<int> RunAsync(FederatedSettings settings, CancellationToken cancellationToken)
    {
        var student = settings.Student;
        if (settings.Threads > 0)
        {
            TorchRuntime.ConfigureThreads(settings.Threads);
        }

        var (data, testFile) = student.LoadData();
        var (train, validation) = student.ValRatio > 0
            ? Split(HoldoutSplit.Stratified(data, student.ValRatio, student.Trainer.Seed))
            : (data, null);
        var test = testFile is null ? null : CommonTest(testFile, data);
        var start = StartingPoint.Create(settings.KdModelPath, settings, data);

        using var host = EdgeHost.Build(settings.Cloud);
        await EdgeHost.StartAsync(host, settings.Cloud, cancellationToken).ConfigureAwait(false);
        try
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudEdge.Edge");
            var grains = host.Services.GetRequiredService<IClusterClient>();
            using var link = new CloudLink(new CloudLinkOptions { RateLimitMegabytesPerSecond = settings.RateLimit, MaxAttempts = 30 }, TimeProvider.System, logger);
            var client = new FederationClient(grains, link, settings.FederationId);
            var request = new JoinRequest(settings.EdgeName, student.Dataset.Id, start.Spec.Architecture, data.Classes.Count, data.Length,
                ModelLayout.Fingerprint(start.Weights), ModelLayout.Describe(start.Spec, start.Weights), train.Count);
            var joined = await JoinAsync(client, request, settings.Cloud.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            var config = joined.Config!;
            CheckExpectations(settings, config);
            Say(student.EdgeId, string.Create(CultureInfo.InvariantCulture,
                $"joined federation {settings.FederationId} at round {joined.Round}: {config.NumEdges} edges, {config.NumRounds} rounds × {config.LocalEpochs} local epochs, lr {config.LearningRate}, {config.Strategy}; model {request.ModelShape}; {train.Count} training samples, {validation?.Count ?? 0} validation, {test?.Count ?? 0} test; start: {start.Description}"));

            ILossFunction? loss = null;
            if (settings.KdAlpha > 0)
            {
                loss = await DistillationAsync(settings, grains, link, data, train, cancellationToken).ConfigureAwait(false);
            }

            var options = student.Trainer with { Normalization = start.Normalization };
            using var trainer = new LocalTrainer(start.Spec, options, train, validation, test, loss);
            var report = RoundsReport.TryLoad(settings.RoundsPath, settings.FederationId, student.EdgeId) ?? new RoundsReport
            {
                Federation = settings.FederationId,
                Edge = student.EdgeId,
                Dataset = student.Dataset.Id,
                Strategy = config.Strategy,
                Model = request.ModelShape,
                Start = start.Description,
            };
            if (report.StartTestAccuracy is null && report.StartValAccuracy is null)
            {
                var (val, testAccuracy) = trainer.Evaluate(start.Weights, cancellationToken);
                report = report with { StartValAccuracy = val, StartTestAccuracy = testAccuracy };
            }

            var edge = new FederatedEdge(settings, client, start, trainer, report);
            var final = await edge.RunAsync(joined, config, cancellationToken).ConfigureAwait(false);
            report = edge.Report;
            var metadata = new CheckpointMetadata
            {
                Preset = ModelRegistry.PresetName(start.Spec.Architecture, student.Dataset),
                Model = start.Spec,
                Dataset = student.Dataset.Id,
                Classes = [.. data.Classes],
                InputLength = data.Length,
                Normalization = options.Normalization,
                Training = new TrainingSummary
                {
                    Method = "federated",
                    Epochs = config.NumRounds * config.LocalEpochs,
                    EpochsRun = config.NumRounds * config.LocalEpochs,
                    BestValAccuracy = report.FinalValAccuracy,
                    TestAccuracy = report.FinalTestAccuracy,
                    Seed = student.Seed,
                    BatchSize = options.BatchSize,
                    LearningRate = config.LearningRate,
                    TrainSamples = train.Count,
                    ValSamples = validation?.Count ?? 0,
                    Device = (options.Device ?? TorchRuntime.DefaultDevice).ToString(),
                },
            };
            trainer.Save(settings.ModelPath, metadata, final);
            trainer.Save(settings.GlobalModelPath, metadata, final);
            LearningJson.Write(settings.RoundsPath, report);
            AnsiConsole.Write(FederatedTables.Rounds(report));
            var f = link.Figures;
            Say(student.EdgeId, string.Create(CultureInfo.InvariantCulture,
                $"finished: test accuracy {Percent(report.StartTestAccuracy)} at the start → {Percent(report.FinalTestAccuracy)} after FL; link {f.Calls} calls, sent {f.BytesSent} bytes, received {f.BytesReceived} bytes, {f.Retries} retries; wrote {settings.ModelPath}, {settings.GlobalModelPath}, {settings.RoundsPath}"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Joins, waiting while the federation is not configured yet (the silo configures it just after it starts).</summary>
    private static async Task<JoinResult> JoinAsync(FederationClient client, JoinRequest request, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var joined = await client.JoinAsync(request, cancellationToken).ConfigureAwait(false);
            if (joined.Accepted)
            {
                return joined;
            }

            if (!joined.NotConfigured || DateTimeOffset.UtcNow > deadline)
            {
                throw new ArgumentException(joined.Reason);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The edge's flags must agree with the federation's configuration: a mismatch is an error, never silently ignored.</summary>
    private static void CheckExpectations(FederatedSettings settings, FederationConfig config)
    {
        var problems = new List<string>();
        if (settings.NumRounds is { } rounds && rounds != config.NumRounds)
        {
            problems.Add($"--num-rounds {rounds} but the federation runs {config.NumRounds}");
        }

        if (settings.LocalEpochs is { } epochs && epochs != config.LocalEpochs)
        {
            problems.Add($"--local-epochs/--epochs {epochs} but the federation trains {config.LocalEpochs}");
        }

        if (settings.LearningRate is { } rate && Math.Abs(rate - config.LearningRate) > 1e-12 * Math.Max(1, Math.Abs(rate)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--learning-rate {rate} but the federation trains with {config.LearningRate}"));
        }

        if (settings.Strategy is { } strategy && !string.Equals(strategy, config.Strategy, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"--strategy {strategy} but the federation uses {config.Strategy}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"federation {settings.FederationId}: {string.Join("; ", problems)} (the cloud's configuration decides; see `Silo federation status`)");
        }
    }

    private static async Task<ILossFunction> DistillationAsync(FederatedSettings settings, IClusterClient grains, CloudLink link, SignalDataset data, SignalDataset train, CancellationToken cancellationToken)
    {
        var student = settings.Student;
        var teacher = new TeacherClient(grains, link, student.Dataset.Id);
        var info = await teacher.DescribeAsync(cancellationToken).ConfigureAwait(false);
        TeacherClient.EnsureCompatible(info, student.Dataset, data.Classes, student.NumClasses, student.Preset, data.Length);
        var (logits, classes) = await teacher.SoftLabelsAsync(train, settings.TeacherBatch, cancellationToken).ConfigureAwait(false);
        Say(student.EdgeId, string.Create(CultureInfo.InvariantCulture, $"teacher logits for {train.Count} samples in {teacher.SoftLabelCalls} calls; KD alpha {settings.KdAlpha}, T {settings.KdTemperature}"));
        return new DistillationLoss(logits, classes, settings.KdAlpha, settings.KdTemperature);
    }

    private static (SignalDataset Train, SignalDataset? Validation) Split(HoldoutSplit split) => (split.Train, split.Validation);

    private static SignalDataset CommonTest(SignalDataset test, SignalDataset data)
    {
        if (test.Length != data.Length)
        {
            throw new ArgumentException($"test_data.npz has vectors of length {test.Length} but the edge's data {data.Length}");
        }

        return ClassSelection.Select(test, data.Classes).Data;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "-";

    private static void Say(int edge, string message) => Console.WriteLine($"edge {edge} federated: {message}");
}
