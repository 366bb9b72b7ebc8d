using CloudEdge.Signals.Data;

namespace CloudEdge.DeviceSim.Streaming;

/// <summary>Where a device's samples come from: live synthesis or the replay of a data file.</summary>
internal interface ISampleSource
{
    DatasetInfo Dataset { get; }

    int Length { get; }

    /// <summary>The next <paramref name="count"/> samples (fewer only when a finite source runs out).</summary>
    SignalDataset Next(int count);
}
