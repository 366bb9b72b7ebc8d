using System.CommandLine;
using CloudEdge.EdgeClient.Training;

namespace CloudEdge.EdgeClient.Commands;

/// <summary><c>EdgeClient baseline</c>: the student trained on the edge's data without the teacher (scenario 1's control).</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var set = new StudentOptionSet();
        var command = new Command("baseline", "Train the edge's student on its own data without the teacher; writes models/edge/{dataset}/edge_{id}_baseline_model.ckpt.");
        foreach (var option in set.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            var settings = set.Read(parse);
            var (train, test) = settings.LoadData();
            StudentRun.Train(settings, "baseline", train, test, null, ct);
            return Task.FromResult(0);
        });
        return command;
    }
}
