using System.Security.Cryptography;

namespace CloudEdge.Signals.Splits;

/// <summary>Identifies the file a split was made from: path, size, time stamp and (for files up to 2 GiB) SHA-256.</summary>
/// <param name="Path">Full path of the source file.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="LastWriteUtc">Its last write time (UTC).</param>
/// <param name="Sha256">Hex SHA-256 of its content, or null for files over 2 GiB.</param>
public sealed record SplitSource(string Path, long SizeBytes, DateTime LastWriteUtc, string? Sha256)
{
    private const long HashLimit = 2L << 30;

    /// <summary>Describes an existing file.</summary>
    public static SplitSource Describe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        string? hash = null;
        if (info.Length <= HashLimit)
        {
            using var stream = info.OpenRead();
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return new SplitSource(info.FullName, info.Length, info.LastWriteTimeUtc, hash);
    }
}
