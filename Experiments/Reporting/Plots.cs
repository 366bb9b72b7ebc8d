using ScottPlot;

namespace CloudEdge.Experiments.Reporting;

/// <summary>The report's PNG figures (ScottPlot).</summary>
public static class Plots
{
    private const int Width = 900;
    private const int Height = 520;

    /// <summary>Lines of y against x, one per named series; returns the file written.</summary>
    public static string Lines(string path, string title, string xLabel, string yLabel, IEnumerable<(string Name, double[] X, double[] Y)> series, double? yMin = null, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (var (name, x, y) in series.Where(s => s.X.Length > 0))
        {
            var line = plot.Add.Scatter(x, y);
            line.LegendText = name;
            line.MarkerSize = 6;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (yMin is not null || yMax is not null)
        {
            plot.Axes.SetLimitsY(yMin ?? 0, yMax ?? 1);
        }

        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, path);
    }

    /// <summary>Grouped bars: for each group label, one bar per series.</summary>
    public static string GroupedBars(string path, string title, string yLabel, IReadOnlyList<string> groups, IReadOnlyList<(string Name, double[] Values)> series)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                bars.Add(new Bar
                {
                    Position = (g * (series.Count + 1)) + s,
                    Value = series[s].Values[g],
                    FillColor = palette.GetColor(s),
                });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            groups.Select((g, i) => (double)((i * (series.Count + 1)) + ((series.Count - 1) / 2.0))).ToArray(), [.. groups]);
        for (var s = 0; s < series.Count; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = palette.GetColor(s) });
        }

        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, path);
    }

    /// <summary>A confusion matrix as a heatmap, rows = true class, columns = predicted.</summary>
    public static string Confusion(string path, string title, double[,] matrix, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(classes);
        var n = matrix.GetLength(0);
        var normalised = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                total += matrix[i, j];
            }

            for (var j = 0; j < n; j++)
            {
                // Heatmap rows are drawn bottom-up: flip so the first class is on top.
                normalised[n - 1 - i, j] = total > 0 ? matrix[i, j] / total : 0;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(normalised);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap);
        var ticks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. classes]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, classes.Reverse().ToArray());
        plot.Title(title);
        plot.XLabel("predicted");
        plot.YLabel("true");
        return Save(plot, path, 700, 600);
    }

    private static string Save(Plot plot, string path, int width = Width, int height = Height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, width, height);
        return path;
    }
}
