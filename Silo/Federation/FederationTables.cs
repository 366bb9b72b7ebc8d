using System.Globalization;
using CloudEdge.Grains.Interfaces.Federation;
using Spectre.Console;

namespace CloudEdge.Silo.Federation;

/// <summary>Renders a federation's status and per-round history for the console.</summary>
public static class FederationTables
{
    /// <summary>Writes the summary line, the joined edges and the history table.</summary>
    public static void Write(IAnsiConsole console, FederationStatus status)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(status);
        if (status.Config is not { } c)
        {
            console.MarkupLine(Markup.Escape($"federation {status.FederationId}: not configured"));
            return;
        }

        var state = status.Finished ? "finished" : $"round {status.Round} of {c.NumRounds} open, deadline {status.Deadline:u}, submitted: {(status.Submitted.Length == 0 ? "none" : string.Join(", ", status.Submitted))}";
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"federation {status.FederationId}: {c.Dataset}/{c.EdgeModel} ({status.ModelShape ?? "no edge yet"}), {c.Strategy}, {c.NumEdges} edges (min {c.MinEdges}), {c.LocalEpochs} local epochs, lr {c.LearningRate}; {state}; {status.Rejected} submissions refused")));
        console.MarkupLine(Markup.Escape($"edges: {(status.Edges.Length == 0 ? "none" : string.Join(", ", status.Edges.Select(e => $"{e.EdgeId} ({e.Examples} examples, {e.Joins} joins)")))}"));
        console.Write(History(status.History));
    }

    /// <summary>
    /// One row per aggregated round: who took part, examples, the example-weighted train loss/accuracy and validation
    /// accuracy the edges reported, the test accuracy of the global model the round started from, durations and bytes.
    /// </summary>
    public static Table History(IReadOnlyList<RoundRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var table = new Table().Title("per-round history");
        foreach (var column in new[] { "round", "closed by", "edges", "examples", "train loss", "train acc", "val acc", "start test acc", "round s", "aggregation ms", "bytes in", "bytes out" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in history)
        {
            table.AddRow(
                Text(r.Round),
                r.ClosedBy,
                string.Join(",", r.Participants),
                Text(r.TotalExamples),
                Format(r.Metric("train_loss"), "0.0000"),
                Format(r.Metric("train_accuracy"), "P2"),
                Format(r.Metric("val_accuracy"), "P2"),
                Format(r.Metric("global_test_accuracy"), "P2"),
                r.DurationSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                r.AggregationMs.ToString("0.0", CultureInfo.InvariantCulture),
                Text(r.BytesIn),
                Text(r.BytesOut));
        }

        return table;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
