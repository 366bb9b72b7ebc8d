using System.IO.Hashing;

namespace CloudEdge.Signals.IO;

/// <summary>
/// Reads through a zip member, computing its CRC-32; <see cref="VerifyToEnd"/> reads what is left and compares
/// the checksum with the one in the zip directory (System.IO.Compression does not check it).
/// </summary>
internal sealed class CrcCheckingStream(Stream inner, uint expected) : Stream
{
    private readonly Crc32 _crc = new();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _crc.Append(buffer[..read]);
        return read;
    }

    /// <summary>Consumes the rest of the member and throws <see cref="InvalidDataException"/> on a CRC mismatch.</summary>
    public void VerifyToEnd()
    {
        CopyTo(Null);
        var actual = _crc.GetCurrentHashAsUInt32();
        if (actual != expected)
        {
            throw new InvalidDataException($"CRC-32 mismatch (stored {expected:x8}, computed {actual:x8}): the data is corrupt");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
