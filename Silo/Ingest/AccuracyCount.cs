namespace CloudEdge.Silo.Ingest;

/// <summary>Samples classified, how many had labels, and how many of those were right.</summary>
public readonly record struct AccuracyCount(long Samples, long Labelled, long Correct)
{
    /// <summary>Correct / labelled, or null without labelled samples.</summary>
    public double? Accuracy => Labelled == 0 ? null : (double)Correct / Labelled;

    public static AccuracyCount operator +(AccuracyCount a, AccuracyCount b) => new(a.Samples + b.Samples, a.Labelled + b.Labelled, a.Correct + b.Correct);

    /// <summary>The accuracy as a percentage, or "n/a".</summary>
    public string Text => Accuracy is { } a ? a.ToString("P2", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
