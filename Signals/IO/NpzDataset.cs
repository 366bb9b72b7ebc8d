using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.IO;

/// <summary>Reads and writes datasets as NPZ (DESIGN.md §4).</summary>
public static class NpzDataset
{
    /// <summary>Writes the dataset atomically (temporary file, then rename).</summary>
    public static void Save(SignalDataset dataset, string path) => throw new NotImplementedException();

    /// <summary>Reads an NPZ written by this project or by numpy.</summary>
    public static SignalDataset Load(string path) => throw new NotImplementedException();
}
