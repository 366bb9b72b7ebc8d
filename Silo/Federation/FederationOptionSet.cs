using System.CommandLine;
using System.Globalization;
using CloudEdge.Cli;
using CloudEdge.Learning.Federated;

namespace CloudEdge.Silo.Federation;

/// <summary>
/// The reference's cloud FL flags (<c>--num-edges</c>, <c>--num-rounds</c>, ...), shared by <c>Silo run</c> (configure
/// one federation at start) and <c>Silo federation configure</c>. <c>--dataset-type</c> and <c>--num-classes</c> belong
/// to the command (<c>run</c> already has them for its teacher) and are passed in.
/// </summary>
internal sealed class FederationOptionSet
{
    public Option<string?> Federation { get; } = Opt.Optional<string>("--federation", "federation id (default {dataset}-{edge model}, e.g. rml2016-real_resnet20_rml2016)");

    public Option<string?> EdgeModel { get; } = Opt.Optional<string>("--edge-model", "student preset the federation trains (default real_resnet20_{dataset})");

    public Option<int?> NumEdges { get; } = Opt.Optional<int?>("--num-edges", "edges expected per round (default 3)").Check(v => v is null or >= 1, "must be at least 1");

    public Option<int?> MinEdges { get; } = Opt.Optional<int?>("--min-edges", "fewest submissions that close a round at its deadline (default all edges)").Check(v => v is null or >= 1, "must be at least 1");

    public Option<int?> NumRounds { get; } = Opt.Optional<int?>("--num-rounds", "training rounds (default 10)").Check(v => v is null or >= 1, "must be at least 1");

    public Option<int> LocalEpochs { get; } = Opt.Create("--local-epochs", "epochs each edge trains per round", 1).Check(v => v >= 1, "must be at least 1");

    public Option<double> LearningRate { get; } = Opt.Create("--fl-learning-rate", "learning rate of the edges' local training (Adam)", 0.001).Check(v => v > 0 && double.IsFinite(v), "must be a positive number");

    public Option<string> Strategy { get; } = Opt.Create("--strategy", $"aggregation: {string.Join(", ", StrategyRegistry.Names)}", FedAvgStrategy.StrategyName).OneOf([.. StrategyRegistry.Names]);

    public Option<double> Mu { get; } = Opt.Create("--mu", "FedProx proximal coefficient", StrategySettings.DefaultProximalMu).Check(v => v >= 0 && double.IsFinite(v), "must be ≥ 0");

    public Option<double> Trim { get; } = Opt.Create("--trim", "trimmed-mean fraction cut from each end", StrategySettings.DefaultTrimFraction).Check(v => v is >= 0 and < 0.5, "must be in [0, 0.5)");

    public Option<double> RoundDeadline { get; } = Opt.Create("--round-deadline", "seconds after which a round closes with at least --min-edges submissions", 600.0).Check(v => v > 0 && v <= 86_400, "must be in (0, 86400]");

    public Option<int> InputLength { get; } = Opt.Create("--input-length", "samples per vector (0 = set by the first edge that joins)", 0).Check(v => v >= 0, "must be ≥ 0");

    public Option<bool> Reset { get; } = Opt.Create("--reset-federation", "start the federation afresh even if it runs with another configuration", false, "--reset");

    public Option<string> StateDir { get; } = Opt.Create("--state-dir", "folder where federation state is kept (survives a silo restart)", "state");

    public IEnumerable<Option> All => [Federation, EdgeModel, NumEdges, MinEdges, NumRounds, LocalEpochs, LearningRate, Strategy, Mu, Trim, RoundDeadline, InputLength, Reset];

    /// <summary>The options of <c>Silo run</c>: <see cref="All"/> and <c>--state-dir</c>.</summary>
    public IEnumerable<Option> RunOptions => [.. All, StateDir];

    /// <summary>True when the command line asks for a federation (<c>--federation</c>, <c>--num-edges</c> or <c>--num-rounds</c>).</summary>
    public bool Requested(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Federation) is not null || parse.GetValue(NumEdges) is not null || parse.GetValue(NumRounds) is not null;
    }

    /// <summary>The settings given on the command line (defaults for the rest).</summary>
    public FederationHostOptions Read(ParseResult parse, string? datasetType, int? numClasses)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var numEdges = parse.GetValue(NumEdges) ?? 3;
        if (parse.GetValue(MinEdges) is { } min && min > numEdges)
        {
            throw new ArgumentException($"--min-edges {min} is more than --num-edges {numEdges}");
        }

        return new FederationHostOptions
        {
            Enabled = true,
            Reset = parse.GetValue(Reset),
            Id = parse.GetValue(Federation),
            Dataset = datasetType ?? "rml2016",
            EdgeModel = parse.GetValue(EdgeModel),
            NumClasses = numClasses ?? 0,
            InputLength = parse.GetValue(InputLength),
            NumEdges = numEdges,
            MinEdges = parse.GetValue(MinEdges) ?? numEdges,
            NumRounds = parse.GetValue(NumRounds) ?? 10,
            LocalEpochs = parse.GetValue(LocalEpochs),
            LearningRate = parse.GetValue(LearningRate),
            Strategy = parse.GetValue(Strategy)!,
            Mu = parse.GetValue(Mu),
            Trim = parse.GetValue(Trim),
            RoundDeadlineSeconds = parse.GetValue(RoundDeadline),
        };
    }

    /// <summary>The configuration keys of <c>Silo run</c>: the state folder always, the federation when one is requested.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse, string? datasetType, int? numClasses)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var section = FederationHostOptions.Section;
        var overrides = new Dictionary<string, string?> { [$"{section}:{nameof(FederationHostOptions.StateDir)}"] = Path.GetFullPath(parse.GetValue(StateDir)!) };
        if (!Requested(parse))
        {
            return overrides;
        }

        var o = Read(parse, datasetType, numClasses);
        var (id, config) = o.ToConfig();
        string Text(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
        overrides[$"{section}:{nameof(o.Enabled)}"] = "true";
        overrides[$"{section}:{nameof(o.Reset)}"] = o.Reset ? "true" : "false";
        overrides[$"{section}:{nameof(o.Id)}"] = id;
        overrides[$"{section}:{nameof(o.Dataset)}"] = config.Dataset;
        overrides[$"{section}:{nameof(o.EdgeModel)}"] = config.EdgeModel;
        overrides[$"{section}:{nameof(o.NumClasses)}"] = Text(config.NumClasses);
        overrides[$"{section}:{nameof(o.InputLength)}"] = Text(config.InputLength);
        overrides[$"{section}:{nameof(o.NumEdges)}"] = Text(config.NumEdges);
        overrides[$"{section}:{nameof(o.MinEdges)}"] = Text(config.MinEdges);
        overrides[$"{section}:{nameof(o.NumRounds)}"] = Text(config.NumRounds);
        overrides[$"{section}:{nameof(o.LocalEpochs)}"] = Text(config.LocalEpochs);
        overrides[$"{section}:{nameof(o.LearningRate)}"] = Text(config.LearningRate);
        overrides[$"{section}:{nameof(o.Strategy)}"] = config.Strategy;
        overrides[$"{section}:{nameof(o.Mu)}"] = Text(config.Mu);
        overrides[$"{section}:{nameof(o.Trim)}"] = Text(config.TrimFraction);
        overrides[$"{section}:{nameof(o.RoundDeadlineSeconds)}"] = Text(config.RoundDeadlineSeconds);
        return overrides;
    }
}
