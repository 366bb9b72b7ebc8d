using System.CommandLine;
using System.Text.Json;
using CloudEdge.Cli;
using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Signals.Data;
using CloudEdge.Silo.Federation;
using Spectre.Console;

namespace CloudEdge.Silo.Commands;

/// <summary>
/// <c>Silo federation configure|status</c>: manage a federation of a running cloud as an Orleans client.
/// <c>configure</c> takes the same FL flags as <c>Silo run</c>; <c>status</c> prints the per-round history table.
/// </summary>
internal static class FederationCommand
{
    public static Command Create()
    {
        var command = new Command("federation", "Configure a federation of a running cloud or show its per-round history.");
        command.Subcommands.Add(Configure());
        command.Subcommands.Add(Status());
        return command;
    }

    private static (Option<string> Host, Option<int> Port) CloudOptions() =>
        (Opt.Create("--cloud-host", "host of the cloud silo's gateway", "127.0.0.1"),
         Opt.Create("--cloud-port", "port of the cloud silo's gateway", 9999).Check(p => p is > 0 and < 65536, "must be a TCP port"));

    private static Command Configure()
    {
        var set = new FederationOptionSet();
        var (host, port) = CloudOptions();
        var datasetType = Opt.Create("--dataset-type", "dataset the federation trains", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var numClasses = Opt.Optional<int?>("--num-classes", "class count (default: the dataset's)");
        var command = new Command("configure", "Set the configuration of a federation (the same configuration again is a no-op; another one needs --reset).");
        foreach (var option in set.All.Concat([host, port, datasetType, numClasses]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var (id, config) = set.Read(parse, parse.GetValue(datasetType), parse.GetValue(numClasses)).ToConfig();
            if (FederationRules.Normalize(config).Problem is { } problem)
            {
                throw new ArgumentException(problem);
            }

            using var client = await CloudClient.ConnectAsync(parse.GetValue(host)!, parse.GetValue(port), ct).ConfigureAwait(false);
            try
            {
                var grains = client.Services.GetRequiredService<IGrainFactory>();
                var result = await grains.GetGrain<IFederationGrain>(id).Configure(config, parse.GetValue(set.Reset)).ConfigureAwait(false);
                if (!result.Accepted)
                {
                    throw new ArgumentException(result.Reason);
                }

                AnsiConsole.MarkupLine(Markup.Escape($"federation {id}: {(result.Unchanged ? "already configured so" : "configured")}"));
                FederationTables.Write(AnsiConsole.Console, result.Status);
            }
            finally
            {
                await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Status()
    {
        var (host, port) = CloudOptions();
        var federation = Opt.Optional<string>("--federation", "federation id (default {dataset}-{edge model})");
        var datasetType = Opt.Create("--dataset-type", "dataset of the default federation id", "rml2016").OneOf([.. DatasetCatalog.Ids]);
        var edgeModel = Opt.Optional<string>("--edge-model", "student preset of the default federation id (default real_resnet20_{dataset})");
        var json = Opt.Create("--json", "print the status as JSON instead of tables", false);
        var command = new Command("status", "Show a federation: configuration, open round, joined edges and the per-round history table.")
        {
            host, port, federation, datasetType, edgeModel, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(federation)
                ?? new FederationHostOptions { Dataset = parse.GetValue(datasetType)!, EdgeModel = parse.GetValue(edgeModel) }.ToConfig().Id;
            using var client = await CloudClient.ConnectAsync(parse.GetValue(host)!, parse.GetValue(port), ct).ConfigureAwait(false);
            try
            {
                var status = await client.Services.GetRequiredService<IGrainFactory>().GetGrain<IFederationGrain>(id).GetStatus().ConfigureAwait(false);
                if (status.Config is null)
                {
                    throw new ArgumentException($"federation '{id}' is not configured on the cloud at {parse.GetValue(host)}:{parse.GetValue(port)}");
                }

                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(status, LearningJson.Options));
                }
                else
                {
                    FederationTables.Write(AnsiConsole.Console, status);
                }

                return 0;
            }
            finally
            {
                await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }
}
