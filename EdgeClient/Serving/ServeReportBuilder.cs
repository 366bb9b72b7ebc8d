namespace CloudEdge.EdgeClient.Serving;

/// <summary>Builds the <see cref="ServeReport"/> of a finished run from its records and counters.</summary>
public static class ServeReportBuilder
{
    /// <summary>The report; <paramref name="template"/> carries the run's settings (dataset, model, batch size, ...).</summary>
    public static ServeReport Build(ServeReport template, ServeOutcome outcome, IDeviceSource source, ServePipeline pipeline, ServeSettings settings, IReadOnlyList<string> classes, LinkSummary? link)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        var samples = outcome.Samples;
        var received = source.SamplesAccepted;
        var rows = settings.Thresholds.Distinct().Order().Select(t => ThresholdEvaluator.Fixed(samples, t, classes)).ToList();
        if (settings.Adaptive is not null)
        {
            rows.Add(ThresholdEvaluator.Adaptive(samples, classes));
        }
        var counters = pipeline.Counters;
        return template with
        {
            StopReason = outcome.StopReason,
            DurationSeconds = outcome.Elapsed.TotalSeconds,
            DevicesEnded = outcome.DevicesEnded,
            SamplesReceived = received,
            SamplesServed = samples.Count,
            SamplesDropped = Math.Max(0, received - samples.Count),
            SamplesAnnounced = outcome.SamplesAnnounced,
            SamplesMissing = Math.Max(0, outcome.SamplesAnnounced - received),
            MalformedFrames = source.Rejections.Total,
            MalformedByKind = source.Rejections.ByKind(),
            CloudFailures = counters.CloudFailedCalls,
            DegradedByKind = pipeline.Dispatcher?.Failures.ByKind() ?? new Dictionary<string, long>(),
            Degraded = samples.Count(s => s.SentToCloud && s.Degraded),
            Link = link,
            Thresholds = rows,
            AdaptiveTarget = settings.Adaptive,
        };
    }
}
