namespace CloudEdge.Learning.Training;

/// <summary>Receives a <see cref="Trainer"/>'s progress: a console bar, plain log lines, nothing, or a caller's own sink.</summary>
public interface ITrainingProgress
{
    /// <summary>Runs the whole training inside the reporter (a live progress display wraps it).</summary>
    T Run<T>(int epochs, Func<T> training);

    /// <summary>Epoch <paramref name="epoch"/> (1-based) of <paramref name="epochs"/> starts with <paramref name="batches"/> steps.</summary>
    void EpochStarted(int epoch, int epochs, int batches);

    /// <summary>
    /// Step <paramref name="batch"/> (1-based) finished; <paramref name="loss"/> and <paramref name="accuracy"/> are
    /// the epoch's running means, <paramref name="samplesPerSecond"/> its training throughput so far.
    /// </summary>
    void BatchCompleted(int epoch, int batch, int batches, double loss, double accuracy, double samplesPerSecond);

    /// <summary>An epoch finished (validation included); <paramref name="improved"/> is true when it became the best epoch.</summary>
    void EpochCompleted(EpochRecord record, int epochs, bool improved);
}
