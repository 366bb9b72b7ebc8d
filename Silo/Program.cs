using System.CommandLine;
using CloudEdge.Cli;
using CloudEdge.Silo.Commands;

var root = new RootCommand("CloudEdge cloud: hosts the Orleans silo with the teacher and federation grains and the dashboard; trains the teacher.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(PretrainCommand.Create());
root.Subcommands.Add(FederationCommand.Create());
root.Subcommands.Add(BenchTeacherCommand.Create());

// `run` is the default command: `Silo --cloud-port 9999` means `Silo run --cloud-port 9999`.
string[] known = ["run", "pretrain", "federation", "-h", "--help", "-?", "--version"];
var effective = args.Length == 0 || (args[0].StartsWith('-') && !known.Contains(args[0])) ? ["run", .. args] : args;
return await CliRunner.RunAsync(root, effective);
