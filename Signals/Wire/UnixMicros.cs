namespace CloudEdge.Signals.Wire;

/// <summary>Wall-clock time stamps on the wire: microseconds since the Unix epoch (UTC).</summary>
public static class UnixMicros
{
    public static long Now() => Now(TimeProvider.System);

    public static long Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
    }

    /// <summary>Milliseconds from <paramref name="fromMicros"/> to <paramref name="toMicros"/>.</summary>
    public static double ElapsedMs(long fromMicros, long toMicros) => (toMicros - fromMicros) / 1000.0;
}
