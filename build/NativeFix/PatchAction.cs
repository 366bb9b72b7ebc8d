namespace CloudEdge.Build.NativeFix;

/// <summary>What the fix does for one library.</summary>
public enum PatchAction
{
    /// <summary>Leave the file as it is.</summary>
    Skip,

    /// <summary>Make the GLIBCXX_3.4.32 requirement weak and unversion the pin symbol.</summary>
    Patch,
}
