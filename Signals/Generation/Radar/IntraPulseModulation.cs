namespace CloudEdge.Signals.Generation.Radar;

/// <summary>Intra-pulse modulation of a radar design.</summary>
internal enum IntraPulseModulation
{
    /// <summary>Unmodulated carrier.</summary>
    None,

    /// <summary>Linear FM, frequency rising over the pulse.</summary>
    LfmUp,

    /// <summary>Linear FM, frequency falling over the pulse.</summary>
    LfmDown,

    /// <summary>Barker-13 binary phase code.</summary>
    Barker13,

    /// <summary>Frank polyphase code (M² chips).</summary>
    Frank,

    /// <summary>P4 polyphase code (Lewis–Kretschmer).</summary>
    P4,

    /// <summary>Costas frequency hopping (Welch construction).</summary>
    Costas,
}
