namespace CloudEdge.Signals.IO;

/// <summary>Dataset file formats <see cref="DatasetFiles.Load"/> reads.</summary>
public enum DatasetFormat
{
    /// <summary>Detect from the magic bytes, then the extension.</summary>
    Auto,

    /// <summary>The project's NPZ (DESIGN.md §4), or any numpy NPZ with X and y.</summary>
    Npz,

    /// <summary>RadioML 2016 pickle (<c>RML2016.10a_dict.pkl</c> layout).</summary>
    Rml2016,

    /// <summary>RadioML 2018 HDF5 (<c>GOLD_XYZ_OSC.0001_1024.hdf5</c> layout).</summary>
    Rml2018,
}
