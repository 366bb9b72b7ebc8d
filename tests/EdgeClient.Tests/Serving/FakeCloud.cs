using CloudEdge.EdgeClient.Serving;

namespace CloudEdge.EdgeClient.Tests.Serving;

/// <summary>A cloud that answers value 2 of each sample as the teacher's prediction, or fails, or waits until released.</summary>
internal sealed class FakeCloud : ICloudClassifier
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Fail { get; init; }

    public bool Hold { get; init; }

    public int Calls { get; private set; }

    public int Samples { get; private set; }

    public void Release() => _release.TrySetResult();

    public async Task<CloudAnswer> ClassifyAsync(float[] iq, int length, int count, CancellationToken cancellationToken)
    {
        Calls++;
        Samples += count;
        if (Hold)
        {
            await _release.Task.WaitAsync(cancellationToken);
        }

        if (Fail)
        {
            throw new TimeoutException("the fake cloud is down");
        }

        var size = 2 * length;
        return new CloudAnswer([.. Enumerable.Range(0, count).Select(k => (int)iq[(k * size) + 2])], [.. Enumerable.Repeat(0.9f, count)]);
    }
}
