namespace CloudEdge.Signals.Wire;

/// <summary>Why a frame was rejected; receivers count rejections per kind and log one line per kind.</summary>
public enum DecodeFailure
{
    /// <summary>Decoded fine.</summary>
    None,

    /// <summary>Fewer bytes than the header, or than the header says the body needs.</summary>
    Truncated,

    /// <summary>The first bytes are not the frame magic.</summary>
    BadMagic,

    /// <summary>A version this build does not read.</summary>
    UnsupportedVersion,

    /// <summary>An unknown frame kind.</summary>
    UnknownKind,

    /// <summary>Field values out of range (lengths, counts, strings) or bytes left over.</summary>
    Malformed,

    /// <summary>NaN or infinity in the IQ payload.</summary>
    NonFinite,

    /// <summary>A frame for another dataset than the receiver serves.</summary>
    WrongDataset,

    /// <summary>A sample length other than the receiver expects.</summary>
    WrongLength,
}
