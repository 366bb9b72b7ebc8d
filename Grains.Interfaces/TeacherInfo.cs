namespace CloudEdge.Grains.Interfaces;

/// <summary>Identity of a teacher: which dataset and classes it knows, its architecture and input length.</summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.TeacherInfo")]
public sealed record TeacherInfo(
    [property: Id(0)] string Dataset,
    [property: Id(1)] string[] Classes,
    [property: Id(2)] string Architecture,
    [property: Id(3)] int InputLength,
    [property: Id(4)] long Parameters);
