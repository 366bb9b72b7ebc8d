using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Loads a dataset from any supported file (NPZ, RadioML 2016 pickle, RadioML 2018 HDF5): the entry point for
/// every command that takes a data file. The format is detected from the magic bytes (zip, HDF5, pickle),
/// then the extension (.npz, .pkl/.pickle/.dat, .h5/.hdf5), unless given.
/// </summary>
public static class DatasetFiles
{
    private static readonly byte[] Hdf5Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Loads the file. Bad files and options end in <see cref="FileNotFoundException"/>,
    /// <see cref="InvalidDataException"/> or <see cref="ArgumentException"/> with a one-line message naming the file.
    /// </summary>
    public static SignalDataset Load(string path, DatasetImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new DatasetImportOptions();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var format = options.Format == DatasetFormat.Auto ? DetectFormat(path) : options.Format;
        if (options.ClassOrder is not null && format != DatasetFormat.Rml2018)
        {
            throw new ArgumentException($"--class-order applies to RadioML 2018 files only; {path} is {format}");
        }

        return format switch
        {
            DatasetFormat.Rml2016 => RadioMl2016Reader.Load(path, options.Classes),
            DatasetFormat.Rml2018 => RadioMl2018Reader.Load(path, options.ClassOrder, options.Classes),
            _ => options.Classes is null ? NpzDataset.Load(path) : DatasetClasses.Select(NpzDataset.Load(path), options.Classes, path),
        };
    }

    /// <summary>HDF5 files with a user block carry the signature at 512, 1024, 2048, … bytes.</summary>
    private static bool HasHdf5SignatureAfterUserBlock(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Hdf5Signature.Length];
        for (long offset = 512; offset + buffer.Length <= Math.Min(stream.Length, 1L << 20); offset *= 2)
        {
            stream.Position = offset;
            if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length && buffer.AsSpan().SequenceEqual(Hdf5Signature))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The format of a file, from its first bytes, else its extension.</summary>
    public static DatasetFormat DetectFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        var head = new byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head.AsSpan(0, read);
        if (bytes.StartsWith("PK"u8) && read >= 4 && bytes[2] is 3 or 5 && bytes[3] is 4 or 6)
        {
            return DatasetFormat.Npz;
        }

        if (bytes.SequenceEqual(Hdf5Signature) || HasHdf5SignatureAfterUserBlock(path))
        {
            return DatasetFormat.Rml2018;
        }

        // Pickles: PROTO (protocol 2+), or protocol 0/1 dicts: '(dp0' / '}' (EMPTY_DICT) / '(' MARK.
        if (read >= 2 && ((bytes[0] == 0x80 && bytes[1] <= 5) || bytes[0] == (byte)'}' || bytes.StartsWith("(dp"u8)))
        {
            return DatasetFormat.Rml2016;
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".NPZ" => DatasetFormat.Npz,
            ".PKL" or ".PICKLE" or ".DAT" => DatasetFormat.Rml2016,
            ".H5" or ".HDF5" or ".HDF" => DatasetFormat.Rml2018,
            _ => throw new InvalidDataException($"{path}: cannot tell the file format (not a zip/NPZ, HDF5 or pickle); pass --format"),
        };
    }
}
