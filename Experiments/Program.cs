using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Experiments;

var root = new RootCommand("CloudEdge experiments: the reference's four scenarios end to end on one machine (real silo, edges and devices on loopback), with a report.");
foreach (var command in ExperimentCommands.Create())
{
    root.Subcommands.Add(command);
}

return await CliRunner.RunAsync(root, args);
