using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Experiments.Runner;
using CloudEdge.Signals.Data;

namespace CloudEdge.Experiments;

/// <summary><c>Experiments all</c> and the single-scenario commands (<c>kd</c>, <c>fl</c>, <c>thresholds</c>, <c>compare</c>, <c>report</c>).</summary>
internal static class ExperimentCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Make("all", "Run everything: data, teacher, scenarios 1–4, report (stages whose outputs exist for the same inputs are skipped).", Scenario.All);
        yield return Make("kd", "Scenario 1 on existing artefacts: baseline vs KD students per edge.", Scenario.Kd);
        yield return Make("fl", "Scenario 2 on existing artefacts: KD students vs federated students (each strategy).", Scenario.Fl);
        yield return Make("thresholds", "Scenario 3 on existing artefacts: confidence-threshold sweep on a device stream.", Scenario.Thresholds);
        yield return Make("compare", "Scenario 4 on existing artefacts: device → edge → cloud vs device → cloud on the same stream.", Scenario.Compare);
        yield return Make("report", "Write report.md, report.json and the plots from the artefacts under --out.", Scenario.None);
    }

    private static Command Make(string name, string description, Scenario scenarios)
    {
        var dataset = Opt.Create("--dataset", "dataset: rml2016, link11 or radar", "rml2016", "--dataset-type").OneOf([.. DatasetCatalog.Ids]);
        var preset = Opt.Create("--preset", "sizes: quick (≈15 min on a 2-core CPU), full (the reference's sizes, for a GPU), tiny (tests)", "quick").OneOf("quick", "full", "tiny");
        var output = Opt.Create("--out", "output folder (data, models, results, logs, report)", "experiments/out");
        var seed = Opt.Create("--seed", "seed of data, splits, weights and streams", 42L);
        var edges = Opt.Create("--num-edges", "number of edges", 3).Check(v => v is >= 1 and <= 16, "must be 1..16");
        var alpha = Opt.Create("--dirichlet-alpha", "Dirichlet concentration of the non-IID edge split", 0.3).Check(v => v > 0 && double.IsFinite(v), "must be > 0");
        var cloudRatio = Opt.Create("--cloud-ratio", "share of the training data kept by the cloud", 0.3).Check(v => v is > 0 and < 1, "must be in (0, 1)");
        var thresholds = Opt.Create("--thresholds", "confidence thresholds of scenario 3", new[] { 0.5, 0.6, 0.7, 0.8, 0.9 }).Check(t => t.Length > 0 && t.All(x => x is >= 0 and <= 1.01), "must be values in [0, 1]");
        thresholds.AllowMultipleArgumentsPerToken = true;
        var target = Opt.Create("--target-cloud-rate", "cloud-call rate the adaptive threshold holds in scenario 3", 0.3).Check(v => v is > 0 and < 1, "must be in (0, 1)");
        var strategies = Opt.Create("--strategies", "federated strategies of scenario 2", new[] { "fedavg", "median" });
        strategies.AllowMultipleArgumentsPerToken = true;
        var force = Opt.Create("--force", "redo every stage even when its outputs exist", false);
        var command = new Command(name, description) { dataset, preset, output, seed, edges, alpha, cloudRatio, thresholds, target, strategies, force };
        command.SetAction(async (parse, ct) =>
        {
            var config = new ExperimentConfig(
                parse.GetValue(dataset)!.ToLowerInvariant(), Preset.Get(parse.GetValue(preset)!), Path.GetFullPath(parse.GetValue(output)!), parse.GetValue(seed),
                parse.GetValue(edges), parse.GetValue(alpha), parse.GetValue(cloudRatio), parse.GetValue(thresholds)!, parse.GetValue(target),
                parse.GetValue(strategies)!, parse.GetValue(force));
            await Experiment.RunAsync(config, scenarios, ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
