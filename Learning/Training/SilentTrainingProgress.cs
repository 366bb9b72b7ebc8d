namespace CloudEdge.Learning.Training;

/// <summary>Reports nothing (tests, background training).</summary>
public sealed class SilentTrainingProgress : ITrainingProgress
{
    public static SilentTrainingProgress Instance { get; } = new();

    public T Run<T>(int epochs, Func<T> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return training();
    }

    public void EpochStarted(int epoch, int epochs, int batches)
    {
    }

    public void BatchCompleted(int epoch, int batch, int batches, double loss, double accuracy, double samplesPerSecond)
    {
    }

    public void EpochCompleted(EpochRecord record, int epochs, bool improved)
    {
    }
}
