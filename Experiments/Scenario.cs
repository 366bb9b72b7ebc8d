namespace CloudEdge.Experiments;

/// <summary>Which parts of the workflow a command runs.</summary>
[Flags]
internal enum Scenario
{
    None = 0,
    Kd = 1,
    Fl = 2,
    Thresholds = 4,
    Compare = 8,
    Prepare = 16,
    All = Prepare | Kd | Fl | Thresholds | Compare,
}
