using System.Diagnostics;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>When the next frame is due: at <c>n / rate</c> seconds for a sample rate, or an interval after the last frame.</summary>
internal sealed class Pacer(StreamSettings settings)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>How long to wait after <paramref name="sent"/> samples have gone out (zero when due now or done).</summary>
    public TimeSpan WaitAfter(int sent, int lastCount)
    {
        if (sent >= settings.TotalSamples)
        {
            return TimeSpan.Zero;
        }

        var wait = settings.Rate is { } rate && rate > 0
            ? TimeSpan.FromSeconds(sent / rate) - _clock.Elapsed
            : lastCount > 0 ? settings.Interval : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
