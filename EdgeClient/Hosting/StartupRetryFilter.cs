using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudEdge.EdgeClient.Hosting;

/// <summary>
/// Retries connecting to the cloud with exponential back-off (0.25 s doubling to 4 s) until
/// <see cref="CloudConnectionOptions.ConnectTimeout"/>; after that the start fails with a clear message.
/// </summary>
internal sealed class StartupRetryFilter(IOptions<CloudConnectionOptions> options, TimeProvider time, ILogger<StartupRetryFilter> logger) : IClientConnectionRetryFilter
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var cloud = options.Value;
        _attempt++;
        var delay = TimeSpan.FromMilliseconds(Math.Min(4000, 250 * Math.Pow(2, Math.Min(_attempt - 1, 4))));
        if (time.GetUtcNow() - _started + delay > cloud.ConnectTimeout)
        {
            return false;
        }

        EdgeLog.ConnectRetry(logger, $"{cloud.CloudHost}:{cloud.CloudPort}", _attempt, exception.GetBaseException().Message, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
