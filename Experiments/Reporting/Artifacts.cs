using System.Text.Json.Nodes;

namespace CloudEdge.Experiments.Reporting;

/// <summary>Reads the JSON files the tiers wrote (metrics, evaluations, serve results) for the report.</summary>
public static class Artifacts
{
    public static JsonNode? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;

    /// <summary>The metrics JSON written next to a checkpoint by the trainers.</summary>
    public static JsonNode? Metrics(string checkpoint) => Read(Path.ChangeExtension(checkpoint, ".metrics.json"));

    public static double? Number(JsonNode? node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = current?[key];
        }

        return current is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
    }

    /// <summary>Accuracy per SNR (dB → accuracy) of a classification report node (<c>per_snr</c>).</summary>
    public static SortedDictionary<int, double> PerSnr(JsonNode? report)
    {
        var result = new SortedDictionary<int, double>();
        if (report?["per_snr"] is JsonObject perSnr)
        {
            foreach (var (key, value) in perSnr)
            {
                if (int.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var snr) && value is JsonValue v && v.TryGetValue<double>(out var acc))
                {
                    result[snr] = acc;
                }
            }
        }

        return result;
    }

    /// <summary>The confusion matrix of a classification report node.</summary>
    public static double[,]? Confusion(JsonNode? report)
    {
        if (report?["confusion"] is not JsonArray rows || rows.Count == 0)
        {
            return null;
        }

        var n = rows.Count;
        var matrix = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i]!.AsArray();
            for (var j = 0; j < Math.Min(n, row.Count); j++)
            {
                matrix[i, j] = row[j]!.GetValue<double>();
            }
        }

        return matrix;
    }
}
