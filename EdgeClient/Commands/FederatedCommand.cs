using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.EdgeClient.Federated;
using CloudEdge.EdgeClient.Hosting;
using CloudEdge.EdgeClient.Training;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;

namespace CloudEdge.EdgeClient.Commands;

/// <summary>
/// <c>EdgeClient federated</c>: joins a federation of the cloud and trains with the other edges until it has run all
/// its rounds; writes <c>models/edge/{dataset}/edge_{id}_federated_model.ckpt</c> (the final global model), the global
/// model and the per-round figures. The cloud's configuration decides rounds, local epochs, learning rate and strategy.
/// </summary>
internal static class FederatedCommand
{
    private const string None = "none";

    public static Command Create()
    {
        var set = new StudentOptionSet();
        var cloudSet = new CloudOptionSet();
        var cloudHost = cloudSet.CloudHost;
        var cloudPort = cloudSet.CloudPort;
        var federation = Opt.Optional<string>("--federation", "federation id (default {dataset}-{edge model}, as the cloud names it)");
        var kdModel = Opt.Optional<string>("--kd-model-path", "checkpoint to start from (default models/edge/{dataset}/edge_{id}_kd_model.ckpt when it exists; 'none' = the shared initial student)");
        var numRounds = Opt.Optional<int?>("--num-rounds", "rounds this edge expects (checked against the federation)").Check(v => v is null or >= 1, "must be at least 1");
        var localEpochs = Opt.Optional<int?>("--local-epochs", "local epochs this edge expects (checked against the federation)").Check(v => v is null or >= 1, "must be at least 1");
        var strategy = Opt.Optional<string>("--strategy", $"strategy this edge expects: {string.Join(", ", StrategyRegistry.Names)} (checked against the federation)").OneOfOrNull([.. StrategyRegistry.Names]);
        var alpha = Opt.Create("--kd-alpha", "weight of a distillation term with the cloud teacher's logits during local training (0 = none)", 0.0).Check(v => v is >= 0 and <= 1, "must be in [0, 1]");
        var temperature = Opt.Create("--kd-temperature", "softmax temperature T of the distillation term", 4.0).Check(v => v > 0 && double.IsFinite(v), "must be > 0");
        var teacherBatch = Opt.Create("--teacher-batch", "samples per teacher call", 256).Check(v => v is >= 1 and <= 4096, "must be 1..4096");
        var rateLimit = cloudSet.RateLimit;
        var connectTimeout = cloudSet.ConnectTimeout;
        connectTimeout.Description = "seconds to keep retrying an unreachable or unconfigured cloud";
        var threads = Opt.Create("--threads", "torch CPU threads (0 = all cores)", 0).Check(v => v >= 0, "must be ≥ 0");
        var command = new Command("federated", "Join a federated-learning federation and train with the other edges; writes models/edge/{dataset}/edge_{id}_federated_model.ckpt.");

        // The federation decides epochs and learning rate: given explicitly, --epochs and --learning-rate are only checked against it.
        set.Epochs.Description = "local epochs this edge expects (same as --local-epochs; checked against the federation)";
        set.LearningRate.Description = "learning rate this edge expects (checked against the federation's --fl-learning-rate)";
        foreach (var option in set.All
                     .Concat([cloudHost, cloudPort, federation, kdModel, numRounds, localEpochs, strategy, alpha, temperature, teacherBatch, rateLimit, connectTimeout, threads]))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            var epochs = Explicit(parse, set.Epochs);
            if (epochs is not null && parse.GetValue(localEpochs) is { } local && local != epochs)
            {
                throw new ArgumentException($"--epochs {epochs} and --local-epochs {local} disagree");
            }

            var student = set.Read(parse);
            var preset = ModelRegistry.PresetName(ModelRegistry.Family(student.Preset), student.Dataset);
            var kd = parse.GetValue(kdModel) switch
            {
                null => File.Exists(student.ModelPath("kd")) ? student.ModelPath("kd") : null,
                var v when string.Equals(v, None, StringComparison.OrdinalIgnoreCase) => null,
                var v when !File.Exists(v) => throw new FileNotFoundException($"--kd-model-path '{v}' does not exist"),
                var v => v,
            };
            var settings = new FederatedSettings(
                student,
                parse.GetValue(federation) ?? FederationConfig.DefaultId(student.Dataset.Id, preset),
                kd,
                parse.GetValue(numRounds),
                parse.GetValue(localEpochs) ?? epochs,
                Explicit(parse, set.LearningRate),
                parse.GetValue(strategy),
                parse.GetValue(alpha),
                parse.GetValue(temperature),
                parse.GetValue(teacherBatch),
                cloudSet.Connection(parse),
                parse.GetValue(rateLimit),
                parse.GetValue(threads));
            return FederatedRun.RunAsync(settings, ct);
        });
        return command;
    }

    /// <summary>The option's value when it was given on the command line, else null.</summary>
    private static T? Explicit<T>(ParseResult parse, Option<T> option)
        where T : struct =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;
}
