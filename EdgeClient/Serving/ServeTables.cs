using System.Globalization;
using Spectre.Console;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>Prints a serving run's trade-off table (one row per threshold) and its per-class and per-SNR accuracy.</summary>
public static class ServeTables
{
    public static void Write(IAnsiConsole console, ServeReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Thresholds;
        var main = new Table().Title(Markup.Escape(title)).Border(TableBorder.Simple);
        foreach (var column in new[] { "threshold", "overall", "edge acc", "cloud acc", "cloud rate", "edge n", "cloud n", "degraded", "MB to cloud", "p50 ms", "p95 ms", "p99 ms", "edge p50", "cloud p50", "samples/s" })
        {
            main.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in rows)
        {
            main.AddRow(
                Name(r), Pct(r.OverallAccuracy), Pct(r.EdgeAccuracy), Pct(r.CloudAccuracy), Pct(r.CloudCallRate),
                Int(r.EdgeSamples), Int(r.CloudSamples), Int(r.Degraded), F(r.BytesToCloud / 1e6, "0.###"),
                F(r.Latency?.P50), F(r.Latency?.P95), F(r.Latency?.P99), F(r.EdgeLatency?.P50), F(r.CloudLatency?.P50), F(r.ThroughputSps, "0"));
        }

        console.Write(main);
        if (rows.Count == 0)
        {
            return;
        }

        var perClass = new Table().Title("accuracy per class").Border(TableBorder.Simple).AddColumn("class");
        var perSnr = new Table().Title("accuracy per SNR (dB)").Border(TableBorder.Simple).AddColumn(new TableColumn("SNR").RightAligned());
        foreach (var r in rows)
        {
            perClass.AddColumn(new TableColumn(Name(r)).RightAligned());
            perSnr.AddColumn(new TableColumn(Name(r)).RightAligned());
        }

        foreach (var name in rows[0].PerClass.Keys)
        {
            perClass.AddRow([Markup.Escape(name), .. rows.Select(r => Pct(r.PerClass.GetValueOrDefault(name)))]);
        }

        foreach (var snr in rows[0].PerSnr.Keys)
        {
            perSnr.AddRow([snr, .. rows.Select(r => Pct(r.PerSnr.TryGetValue(snr, out var a) ? a : null))]);
        }

        console.Write(perClass);
        if (rows[0].PerSnr.Count > 0)
        {
            console.Write(perSnr);
        }
    }

    private static string Name(ThresholdRow r) =>
        r.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : $"adaptive ({r.MeanThreshold?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-"})";

    private static string Pct(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
