namespace CloudEdge.Build.NativeFix;

/// <summary>What a native library needs of GLIBCXX_3.4.32.</summary>
public enum LibraryState
{
    /// <summary>The library does not ask for the version at all.</summary>
    NotRequired,

    /// <summary>The library hard-requires the version: it will not load on an older libstdc++.</summary>
    Required,

    /// <summary>The requirement is already weak and no symbol is bound to it: nothing to do.</summary>
    AlreadyPatched,
}
