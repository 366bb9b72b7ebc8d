namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>A fresh folder under the temp directory for one test class instance, deleted on dispose.</summary>
public sealed class ScratchFolder(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cloudedge-{prefix}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
