namespace CloudEdge.Signals.IO;

/// <summary>Options of <see cref="DatasetFiles.Load"/>.</summary>
public sealed record DatasetImportOptions
{
    /// <summary>The file format; <see cref="DatasetFormat.Auto"/> detects it.</summary>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>Classes to keep, in this order (RadioML names such as QAM16 are accepted); null keeps all.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>RadioML 2018 only: the class of each one-hot column of Y; null = the paper's order.</summary>
    public IReadOnlyList<string>? ClassOrder { get; init; }

    /// <summary>Parses a <c>--format</c> value (auto, npz, rml2016, rml2018; case-insensitive).</summary>
    public static DatasetFormat ParseFormat(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => DatasetFormat.Auto,
        "NPZ" => DatasetFormat.Npz,
        "RML2016" => DatasetFormat.Rml2016,
        "RML2018" => DatasetFormat.Rml2018,
        _ => throw new ArgumentException($"--format: unknown format '{value}' (auto, rml2016, rml2018, npz)"),
    };

    /// <summary>Splits a comma-separated <c>--classes</c> value; null or blank gives null (all classes).</summary>
    public static IReadOnlyList<string>? ParseClassList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Length > 0 ? names : throw new ArgumentException($"--classes: no class names in '{value}'");
    }
}
