using System.Globalization;
using Spectre.Console;

namespace CloudEdge.EdgeClient.Federated;

/// <summary>Renders an edge's per-round federated-learning figures.</summary>
internal static class FederatedTables
{
    public static Table Rounds(RoundsReport report)
    {
        var table = new Table().Title($"edge {report.Edge} in federation {report.Federation} ({report.Strategy})");
        foreach (var column in new[] { "round", "submitted", "examples", "train loss", "train acc", "global val acc", "global test acc", "train s", "transfer s", "wait s", "bytes down", "bytes up" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddRow("start", "-", "-", "-", "-", Percent(report.StartValAccuracy), Percent(report.StartTestAccuracy), "-", "-", "-", "-", "-");
        foreach (var r in report.Rounds)
        {
            table.AddRow(
                r.Round.ToString(CultureInfo.InvariantCulture),
                r.Submitted ?? "-",
                r.Examples?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Number(r.TrainLoss, "0.0000"),
                Percent(r.TrainAccuracy),
                Percent(r.ValAccuracy),
                Percent(r.TestAccuracy),
                Number(r.TrainSeconds, "0.00"),
                Number(r.TransferSeconds, "0.000"),
                Number(r.WaitSeconds, "0.00"),
                r.BytesDown?.ToString(CultureInfo.InvariantCulture) ?? "-",
                r.BytesUp?.ToString(CultureInfo.InvariantCulture) ?? "-");
        }

        return table;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P2", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
