using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.EdgeClient.Commands;

var root = new RootCommand("CloudEdge edge: trains students (KD, baseline, federated), serves devices with confidence routing to the cloud, evaluates checkpoints.");
root.Subcommands.Add(KdCommand.Create());
root.Subcommands.Add(BaselineCommand.Create());
root.Subcommands.Add(FederatedCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
return await CliRunner.RunAsync(root, args);
