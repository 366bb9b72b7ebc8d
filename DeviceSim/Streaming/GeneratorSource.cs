using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Synthesises the stream live with the dataset's generator: random classes, SNRs from the given grid, one reproducible stream per seed.</summary>
internal sealed class GeneratorSource(ISignalGenerator generator, long seed, IReadOnlyList<int>? snrs, int? length) : ISampleSource
{
    private long _next;

    public DatasetInfo Dataset => generator.Info;

    public int Length { get; } = length ?? generator.Info.DefaultLength;

    public SignalDataset Next(int count)
    {
        var batch = generator.GenerateBatch(count, seed, _next, snrs, Length);
        _next += count;
        return batch;
    }
}
