using System.Globalization;
using Spectre.Console;

namespace CloudEdge.Learning.Evaluation;

/// <summary>Prints a <see cref="PairedComparison"/> of two models as a Spectre.Console table.</summary>
public static class PairedTable
{
    public static void Write(IAnsiConsole console, PairedComparison comparison, string model, string versus)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(comparison);
        var table = new Table().Title(Markup.Escape($"{model} versus {versus}, same {comparison.N} samples"))
            .AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow(Markup.Escape(model), Invariant($"{comparison.Accuracy:P2}"));
        table.AddRow(Markup.Escape(versus), Invariant($"{comparison.VersusAccuracy:P2}"));
        table.AddRow("difference (95 % interval)", Invariant($"{comparison.Difference * 100:+0.00;-0.00;0.00} points ({comparison.DifferenceCi95[0] * 100:+0.00;-0.00;0.00} … {comparison.DifferenceCi95[1] * 100:+0.00;-0.00;0.00})"));
        table.AddRow("both right / both wrong", Invariant($"{comparison.BothCorrect} / {comparison.BothWrong}"));
        table.AddRow(Markup.Escape($"only {model} right"), Invariant($"{comparison.OnlyModelCorrect}"));
        table.AddRow(Markup.Escape($"only {versus} right"), Invariant($"{comparison.OnlyVersusCorrect}"));
        table.AddRow("McNemar exact p (two-sided)", Invariant($"{comparison.McNemarP:G3}"));
        console.Write(table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
