using System.Globalization;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;

namespace CloudEdge.Grains.Federation;

/// <summary>The rules a federation configuration must follow, and its canonical form (ids and names lower-case, as the registries spell them).</summary>
public static class FederationRules
{
    /// <summary>Longest allowed round deadline (one day).</summary>
    public const double MaxDeadlineSeconds = 86_400;

    /// <summary>Most rounds a federation may run.</summary>
    public const int MaxRounds = 10_000;

    /// <summary>
    /// The canonical form of <paramref name="config"/> (dataset id, preset and strategy names as the registries spell
    /// them), or a one-line reason why it is not a valid configuration.
    /// </summary>
    public static (FederationConfig? Config, string? Problem) Normalize(FederationConfig? config)
    {
        if (config is null)
        {
            return (null, "no configuration given");
        }

        if (!DatasetCatalog.TryGet(config.Dataset ?? string.Empty, out var dataset))
        {
            return (null, $"unknown dataset '{config.Dataset}' (known: {string.Join(", ", DatasetCatalog.Ids)})");
        }

        string preset;
        try
        {
            var spec = ModelRegistry.Resolve(config.EdgeModel ?? string.Empty, dataset);
            preset = ModelRegistry.PresetName(spec.Architecture, dataset);
        }
        catch (ArgumentException e)
        {
            return (null, $"edge model: {e.Message}");
        }

        string strategy;
        try
        {
            strategy = StrategyRegistry.Create(config.Strategy ?? string.Empty, new StrategySettings { ProximalMu = config.Mu, TrimFraction = config.TrimFraction }).Name;
        }
        catch (ArgumentException e)
        {
            return (null, $"strategy: {e.Message}");
        }

        var problem = config switch
        {
            { NumClasses: < 2 } => $"the class count must be at least 2 (got {config.NumClasses})",
            { InputLength: < 0 } => $"the input length must not be negative (got {config.InputLength}; 0 = set by the first edge)",
            { InputLength: > 0 and < ModelSpec.MinInputLength } => $"the input length must be at least {ModelSpec.MinInputLength} (got {config.InputLength})",
            { NumEdges: < 1 } => $"the number of edges must be at least 1 (got {config.NumEdges})",
            _ when config.MinEdges < 1 || config.MinEdges > config.NumEdges => $"the minimum of edges per round must be in 1..{config.NumEdges} (got {config.MinEdges})",
            { NumRounds: < 1 or > MaxRounds } => $"the number of rounds must be in 1..{MaxRounds} (got {config.NumRounds})",
            { LocalEpochs: < 1 } => $"the local epochs must be at least 1 (got {config.LocalEpochs})",
            _ when !(config.LearningRate > 0 && double.IsFinite(config.LearningRate)) => $"the learning rate must be a positive number (got {Text(config.LearningRate)})",
            _ when !(config.RoundDeadlineSeconds > 0 && config.RoundDeadlineSeconds <= MaxDeadlineSeconds) => $"the round deadline must be in (0, {MaxDeadlineSeconds}] seconds (got {Text(config.RoundDeadlineSeconds)})",
            _ => null,
        };
        return problem is not null
            ? (null, problem)
            : (config with { Dataset = dataset.Id, EdgeModel = preset, Strategy = strategy }, null);
    }

    /// <summary>The strategy of a (normalised) configuration.</summary>
    public static IAggregationStrategy Strategy(FederationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StrategyRegistry.Create(config.Strategy, new StrategySettings { ProximalMu = config.Mu, TrimFraction = config.TrimFraction });
    }

    /// <summary>The fields in which two configurations differ, e.g. <c>num_rounds 3 → 5, strategy fedavg → median</c>.</summary>
    public static string Differences(FederationConfig before, FederationConfig after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new (string Name, object A, object B)[]
        {
            ("dataset", before.Dataset, after.Dataset),
            ("edge_model", before.EdgeModel, after.EdgeModel),
            ("num_classes", before.NumClasses, after.NumClasses),
            ("input_length", before.InputLength, after.InputLength),
            ("num_edges", before.NumEdges, after.NumEdges),
            ("min_edges", before.MinEdges, after.MinEdges),
            ("num_rounds", before.NumRounds, after.NumRounds),
            ("local_epochs", before.LocalEpochs, after.LocalEpochs),
            ("learning_rate", before.LearningRate, after.LearningRate),
            ("strategy", before.Strategy, after.Strategy),
            ("mu", before.Mu, after.Mu),
            ("trim", before.TrimFraction, after.TrimFraction),
            ("round_deadline", before.RoundDeadlineSeconds, after.RoundDeadlineSeconds),
        };
        return string.Join(", ", fields.Where(f => !Equals(f.A, f.B)).Select(f => $"{f.Name} {Text(f.A)} → {Text(f.B)}"));
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
