namespace CloudEdge.Signals.Data;

/// <summary>The three datasets of the system (DESIGN.md §1).</summary>
public enum DatasetKind
{
    /// <summary>RadioML-2016-style modulation recognition, 6 classes, L = 128.</summary>
    Rml2016,

    /// <summary>Link-11 (TADIL-A) CLEW emitter identification, 7 classes.</summary>
    Link11,

    /// <summary>Airborne radar emitter identification, 7 classes.</summary>
    Radar,
}
