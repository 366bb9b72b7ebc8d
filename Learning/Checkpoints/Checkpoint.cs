using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CloudEdge.Learning.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Checkpoints;

/// <summary>
/// Saves and loads checkpoints: one zip file (extension <see cref="Extension"/>) holding <c>metadata.json</c>
/// (<see cref="CheckpointMetadata"/>, readable with <c>unzip -p FILE metadata.json</c>) and <c>weights.bin</c>
/// (<see cref="WeightCodec"/>), written atomically. Loading checks the format version, the weights' SHA-256,
/// the metadata's consistency and the caller's <see cref="CheckpointExpectation"/>; every failure is an
/// <see cref="InvalidDataException"/> (or <see cref="FileNotFoundException"/>) with one line naming the file.
/// </summary>
public static class Checkpoint
{
    /// <summary>Layout version written by this build.</summary>
    public const int FormatVersion = 1;

    /// <summary>File extension of checkpoints.</summary>
    public const string Extension = ".ckpt";

    private const string MetadataEntry = "metadata.json";
    private const string WeightsEntry = "weights.bin";

    /// <summary>Saves the state of <paramref name="model"/>; fills in the parameter count and the weights hash.</summary>
    public static CheckpointMetadata Save(string path, CheckpointMetadata metadata, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.parameters().Sum(p => p.numel());
        return Save(path, metadata with { ParameterCount = parameters }, ModelWeights.FromModule(model));
    }

    /// <summary>Saves weights with their metadata; fills in the weights hash. Returns the metadata written.</summary>
    public static CheckpointMetadata Save(string path, CheckpointMetadata metadata, ModelWeights weights)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(weights);
        CheckConsistent(metadata, path);
        var bytes = WeightCodec.Encode(weights);
        var written = metadata with { FormatVersion = FormatVersion, WeightsSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var entry = zip.CreateEntry(MetadataEntry, CompressionLevel.Optimal).Open())
            {
                JsonSerializer.Serialize(entry, written, LearningJson.Options);
            }

            using (var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open())
            {
                entry.Write(bytes);
            }
        });
        return written;
    }

    /// <summary>Reads only the metadata (cheap); checks the format version and, when given, the expectation.</summary>
    public static CheckpointMetadata ReadMetadata(string path, CheckpointExpectation? expected = null)
    {
        using var zip = Open(path);
        var metadata = ReadMetadata(zip, path);
        Check(metadata, expected, path);
        return metadata;
    }

    /// <summary>Reads and validates a checkpoint (see the class remarks).</summary>
    public static LoadedCheckpoint Load(string path, CheckpointExpectation? expected = null)
    {
        using var zip = Open(path);
        var metadata = ReadMetadata(zip, path);
        Check(metadata, expected, path);
        var bytes = ReadEntry(zip, WeightsEntry, path);
        if (metadata.WeightsSha256 is { } sha && !string.Equals(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"checkpoint '{path}' is corrupt: weights do not match their SHA-256");
        }

        try
        {
            return new LoadedCheckpoint(path, metadata, WeightCodec.Decode(bytes));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"checkpoint '{path}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Throws <see cref="InvalidDataException"/> when <paramref name="metadata"/> does not meet
    /// <paramref name="expected"/>; <paramref name="source"/> names the checkpoint in the message.
    /// </summary>
    public static void Check(CheckpointMetadata metadata, CheckpointExpectation? expected, string source)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (expected is null)
        {
            return;
        }

        const string Rule = "the edge and cloud models must match";
        if (expected.Dataset is { } dataset && !string.Equals(dataset, metadata.Dataset, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"checkpoint '{source}' is for dataset '{metadata.Dataset}', expected '{dataset}' ({Rule})");
        }

        if (expected.Architecture is { } arch
            && !string.Equals(arch, metadata.Architecture, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(arch, metadata.Preset, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"checkpoint '{source}' holds a '{metadata.Preset}' model, expected '{arch}' ({Rule})");
        }

        if (expected.Classes is { } classes
            && (classes.Count != metadata.Classes.Count || classes.Where((c, i) => !ClassNames.Same(c, metadata.Classes[i])).Any()))
        {
            throw new InvalidDataException(
                $"checkpoint '{source}' has classes [{string.Join(", ", metadata.Classes)}], expected [{string.Join(", ", classes)}] ({Rule})");
        }

        if (expected.InputLength is { } length && length != metadata.InputLength)
        {
            throw new InvalidDataException($"checkpoint '{source}' takes inputs of length {metadata.InputLength}, expected {length}");
        }
    }

    private static ZipArchive Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint '{path}' does not exist", path);
        }

        var stream = File.OpenRead(path);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new InvalidDataException($"checkpoint '{path}' is corrupt or truncated (not a readable zip: {e.Message})", e);
        }
    }

    private static CheckpointMetadata ReadMetadata(ZipArchive zip, string path)
    {
        var bytes = ReadEntry(zip, MetadataEntry, path);
        CheckpointMetadata? metadata;
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("format_version", out var version)
                || !version.TryGetInt32(out var v))
            {
                throw new InvalidDataException($"checkpoint '{path}': metadata has no format_version");
            }

            if (v > FormatVersion || v < 1)
            {
                throw new InvalidDataException($"checkpoint '{path}' has format version {v}; this build reads version {FormatVersion}");
            }

            metadata = doc.Deserialize<CheckpointMetadata>(LearningJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"checkpoint '{path}': malformed metadata ({e.Message})", e);
        }

        if (metadata is null)
        {
            throw new InvalidDataException($"checkpoint '{path}': empty metadata");
        }

        CheckConsistent(metadata, path);
        return metadata;
    }

    private static void CheckConsistent(CheckpointMetadata m, string path)
    {
        string? problem = null;
        if (m.Model is null || string.IsNullOrWhiteSpace(m.Model.Architecture))
        {
            problem = "no model architecture";
        }
        else if (m.Classes is null || m.Classes.Count == 0)
        {
            problem = "no class names";
        }
        else if (m.Classes.Count != m.Model.NumClasses)
        {
            problem = $"{m.Classes.Count} class names for a model of {m.Model.NumClasses} classes";
        }
        else if (m.InputLength <= 0 || m.InputLength != m.Model.InputLength)
        {
            problem = $"input length {m.InputLength} differs from the model's {m.Model.InputLength}";
        }
        else if (string.IsNullOrWhiteSpace(m.Dataset) || string.IsNullOrWhiteSpace(m.Preset))
        {
            problem = "no dataset or preset name";
        }

        if (problem is not null)
        {
            throw new InvalidDataException($"checkpoint '{path}': inconsistent metadata ({problem})");
        }
    }

    private static byte[] ReadEntry(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"checkpoint '{path}' has no {name}");
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream(checked((int)Math.Max(0, entry.Length)));
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"checkpoint '{path}' is corrupt ({name}: {e.Message})", e);
        }
    }
}
