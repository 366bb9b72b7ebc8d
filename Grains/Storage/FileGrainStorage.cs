using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using CloudEdge.Learning.Checkpoints;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudEdge.Grains.Storage;

/// <summary>
/// Embedded grain storage that survives a silo restart: one file per grain and state under a root folder, written
/// atomically (temporary file, flush, rename), so a crash leaves either the old or the new state, never a mix. The
/// state is encoded with the Orleans serializer (state types need <c>[GenerateSerializer]</c>, which also makes them
/// version tolerant). The ETag is a version number kept in the file's header: a write whose ETag differs from the
/// file's (another activation wrote in between) fails with <see cref="InconsistentStateException"/>.
/// <code>
/// "CEGS"  u16 format (1)  i64 version  i32 payload length  u32 CRC-32 of the payload  payload
/// </code>
/// A damaged file (bad magic, truncated, CRC mismatch) fails the read with an <see cref="InvalidDataException"/> naming it.
/// </summary>
public sealed class FileGrainStorage : IGrainStorage
{
    private const ushort Format = 1;
    private const int HeaderSize = 4 + 2 + 8 + 4 + 4;
    private static readonly byte[] Magic = "CEGS"u8.ToArray();

    private readonly string _name;
    private readonly Serializer _serializer;

    /// <param name="name">Provider name (a sub-folder of <paramref name="rootDirectory"/>).</param>
    /// <param name="rootDirectory">Folder that holds the state files (created when missing).</param>
    /// <param name="serializer">The Orleans serializer.</param>
    public FileGrainStorage(string name, string rootDirectory, Serializer serializer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(serializer);
        _name = name;
        _serializer = serializer;
        Folder = Path.GetFullPath(Path.Combine(rootDirectory, Sanitize(name)));
    }

    /// <summary>The folder this provider writes to.</summary>
    public string Folder { get; }

    /// <summary>The file that holds <paramref name="stateName"/> of <paramref name="grainId"/>.</summary>
    public string PathOf(string stateName, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        return Path.Combine(Folder, Sanitize(grainId.Type.ToString() ?? "grain"), $"{Sanitize(grainId.Key.ToString() ?? "key")}.{Sanitize(stateName)}.state");
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        var (version, payload) = Decode(bytes, path);
        try
        {
            grainState.State = _serializer.Deserialize<T>(payload.ToArray());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"grain state file '{path}' cannot be decoded as {typeof(T).Name}: {e.Message}", e);
        }

        grainState.ETag = Version(version);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        var stored = StoredVersion(path);
        CheckETag(stored, grainState.ETag, path, "write");
        var payload = _serializer.SerializeToArray(grainState.State);
        var next = (stored ?? 0) + 1;
        AtomicFile.WriteAllBytes(path, Encode(next, payload));
        grainState.ETag = Version(next);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        CheckETag(StoredVersion(path), grainState.ETag, path, "clear");
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The version in the header of <paramref name="path"/>, or null when there is no file.</summary>
    private static long? StoredVersion(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(header);
        CheckHeader(header, path);
        return BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
    }

    private void CheckETag(long? stored, string? etag, string path, string operation)
    {
        var expected = stored is { } v ? Version(v) : null;
        if (!string.Equals(expected, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"grain storage '{_name}': {operation} of '{path}' with ETag '{etag ?? "none"}' but the stored version is '{expected ?? "none"}' (another activation wrote it)",
                expected ?? string.Empty,
                etag ?? string.Empty);
        }
    }

    private static byte[] Encode(long version, byte[] payload)
    {
        var bytes = new byte[HeaderSize + payload.Length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Format);
        BinaryPrimitives.WriteInt64LittleEndian(span[6..], version);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], Crc32.HashToUInt32(payload));
        payload.CopyTo(span[HeaderSize..]);
        return bytes;
    }

    private static (long Version, ReadOnlyMemory<byte> Payload) Decode(byte[] bytes, string path)
    {
        if (bytes.Length < HeaderSize)
        {
            throw new InvalidDataException($"grain state file '{path}' is truncated ({bytes.Length} bytes)");
        }

        CheckHeader(bytes.AsSpan(0, HeaderSize), path);
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(14));
        if (length < 0 || length != bytes.Length - HeaderSize)
        {
            throw new InvalidDataException($"grain state file '{path}' is truncated or has trailing bytes (payload {length} bytes, file {bytes.Length})");
        }

        var payload = new ReadOnlyMemory<byte>(bytes, HeaderSize, length);
        if (Crc32.HashToUInt32(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(18)))
        {
            throw new InvalidDataException($"grain state file '{path}' is corrupt (CRC mismatch)");
        }

        return (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(6)), payload);
    }

    private static void CheckHeader(ReadOnlySpan<byte> header, string path)
    {
        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a grain state file (bad magic bytes)");
        }

        var format = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (format != Format)
        {
            throw new InvalidDataException($"grain state file '{path}' has format {format}; this build reads format {Format}");
        }
    }

    private static string Version(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file-name-safe form of <paramref name="value"/>; altered names get a hash suffix so distinct values stay distinct.</summary>
    internal static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var safe = builder.ToString();
        if (safe == value && safe.Length is > 0 and <= 120)
        {
            return safe;
        }

        var hash = Crc32.HashToUInt32(Encoding.UTF8.GetBytes(value)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        return $"{(safe.Length > 100 ? safe[..100] : safe)}~{hash}";
    }
}
