using System.IO.Compression;

namespace CloudEdge.Signals.IO;

/// <summary>
/// numpy's <c>.npz</c> container: a zip of <c>name.npy</c> members, as written by <c>np.savez</c>
/// (stored) and <c>np.savez_compressed</c> (deflated). Names are given without the <c>.npy</c> suffix.
/// </summary>
public static class NpzArchive
{
    /// <summary>
    /// Reads the arrays of an NPZ file (only those <paramref name="include"/> accepts, when given).
    /// Throws <see cref="FileNotFoundException"/> or a one-line <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static Dictionary<string, NpyArray> Read(string path, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        using var stream = File.OpenRead(path);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid NPZ (zip) file: {e.Message}");
        }

        using (zip)
        {
            var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                {
                    continue;
                }

                var name = entry.FullName[..^4];
                if (include is not null && !include(name))
                {
                    continue;
                }

                var source = $"{path}: member {entry.FullName}";
                try
                {
                    using var member = entry.Open();
                    using var checking = new CrcCheckingStream(member, entry.Crc32);
                    var array = NpyArray.Read(checking, source, entry.Length);
                    checking.VerifyToEnd();
                    arrays[name] = array;
                }
                catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{source}: corrupt data: {e.Message}");
                }
                catch (EndOfStreamException)
                {
                    throw new InvalidDataException($"{source}: truncated data");
                }
                catch (IOException e) when (e is not FileNotFoundException)
                {
                    throw new InvalidDataException($"{source}: unreadable: {e.Message}");
                }
            }

            return arrays;
        }
    }

    /// <summary>Lists the array names in an NPZ file without reading the arrays.</summary>
    public static IReadOnlyList<string> Names(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)).Select(e => e.FullName[..^4]).ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a valid NPZ (zip) file: {e.Message}");
        }
    }

    /// <summary>
    /// Writes the arrays as an NPZ file atomically (temporary file, then rename); stored like
    /// <c>np.savez</c>, or deflated like <c>np.savez_compressed</c> when <paramref name="compress"/>.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arrays);
        var list = arrays.ToList();
        var duplicate = list.GroupBy(a => a.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"array name '{duplicate.Key}' appears twice", nameof(arrays));
        }

        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (name, array) in list)
            {
                ArgumentNullException.ThrowIfNull(array);
                var entry = zip.CreateEntry(name + ".npy", compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                using var member = entry.Open();
                array.Write(member);
            }
        });
    }
}
