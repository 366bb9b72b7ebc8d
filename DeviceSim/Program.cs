using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.DeviceSim.Commands;

var root = new RootCommand("CloudEdge device simulator: synthesise, import and split datasets; stream signals to an edge or the cloud.");
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ConvertCommand.Create());
root.Subcommands.Add(SplitCommand.Create());
root.Subcommands.Add(StreamCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return await CliRunner.RunAsync(root, args);
