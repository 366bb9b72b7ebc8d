using System.Globalization;
using Spectre.Console;

namespace CloudEdge.Learning.Evaluation;

/// <summary>Prints a <see cref="ClassificationReport"/> as Spectre.Console tables: summary, per class, per SNR, confusion matrix.</summary>
public static class ReportTables
{
    public static void Write(IAnsiConsole console, ClassificationReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(new Rule(Markup.Escape(title)).LeftJustified());
        console.MarkupLine(Invariant($"samples [bold]{report.N}[/], overall accuracy [bold]{report.OverallAccuracy:P2}[/]"));
        if (report.AccuracyAtOrAbove(10) is { } high)
        {
            console.MarkupLine(Invariant($"accuracy at SNR >= 10 dB [bold]{high:P2}[/]"));
        }

        if (report.SkippedClasses is { Count: > 0 } skipped)
        {
            console.MarkupLine($"[yellow]skipped classes unknown to the model:[/] {Markup.Escape(string.Join(", ", skipped))}");
        }

        var perClass = new Table().Title("per class").AddColumn("class").AddColumn(new TableColumn("samples").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
        for (var t = 0; t < report.Classes.Count; t++)
        {
            var name = report.Classes[t];
            var accuracy = report.PerClass.TryGetValue(name, out var a) && a is { } v ? Invariant($"{v:P2}") : "-";
            perClass.AddRow(Markup.Escape(name), report.Confusion[t].Sum().ToString(CultureInfo.InvariantCulture), accuracy);
        }

        console.Write(perClass);
        if (report.PerSnr.Count > 0)
        {
            var perSnr = new Table().Title("per SNR").AddColumn(new TableColumn("SNR dB").RightAligned()).AddColumn(new TableColumn("samples").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned());
            foreach (var (snr, accuracy) in report.PerSnr)
            {
                perSnr.AddRow(snr, report.PerSnrCount[snr].ToString(CultureInfo.InvariantCulture), Invariant($"{accuracy:P2}"));
            }

            console.Write(perSnr);
        }

        var confusion = new Table().Title("confusion (rows: true, columns: predicted)").AddColumn("true \\ predicted");
        foreach (var name in report.Classes)
        {
            confusion.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        for (var t = 0; t < report.Classes.Count; t++)
        {
            var cells = new List<string> { Markup.Escape(report.Classes[t]) };
            for (var p = 0; p < report.Classes.Count; p++)
            {
                var count = report.Confusion[t][p].ToString(CultureInfo.InvariantCulture);
                cells.Add(p == t ? $"[bold]{count}[/]" : count);
            }

            confusion.AddRow([.. cells]);
        }

        console.Write(confusion);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
