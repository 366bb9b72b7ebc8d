using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudEdge.Signals.Wire;

/// <summary>
/// The versioned binary frame format between devices, edges and the cloud ingest (little-endian).
/// <code>
/// header  : magic "CEIQ" | version u8 (=1) | kind u8 | reserved u16 (=0) | body length u32
/// Samples : device str | dataset str | L u32 | count u32 | ids i64[count] | labels i32[count]
///           | snr i32[count] | sent-at µs i64[count] | iq f32[count·2·L]
/// End     : device str | dataset str | samples sent i64
/// Results : dataset str | answered-at µs i64 | count u32 | ids i64[count] | predictions i32[count] | confidences f32[count]
/// str     : length u8 (1..64) | ASCII bytes
/// </code>
/// Decoding validates every field against the frame size and never throws.
/// </summary>
public static class WireFormat
{
    public const byte Version = 1;
    public const int HeaderSize = 12;
    public const int MaxLength = 1 << 16;
    public const int MaxSamplesPerFrame = 100_000;
    public const int MaxBodyBytes = 64 << 20;
    public const int MaxStringBytes = 64;

    /// <summary>SNR value meaning "unknown".</summary>
    public const int UnknownSnr = int.MinValue;

    private static ReadOnlySpan<byte> Magic => "CEIQ"u8;

    public static byte[] Encode(SampleBatchFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var n = frame.Count;
        if (frame.Labels.Length != n || frame.Snr.Length != n || frame.SentAtUnixMicros.Length != n)
        {
            throw new ArgumentException($"frame arrays disagree: {n} ids, {frame.Labels.Length} labels, {frame.Snr.Length} SNRs, {frame.SentAtUnixMicros.Length} times", nameof(frame));
        }

        if (frame.Length <= 0 || frame.Length > MaxLength || frame.Iq.Length != (long)n * 2 * frame.Length)
        {
            throw new ArgumentException($"IQ payload holds {frame.Iq.Length} floats, expected {n}·2·{frame.Length}", nameof(frame));
        }

        if (n > MaxSamplesPerFrame)
        {
            throw new ArgumentException($"{n} samples exceed the {MaxSamplesPerFrame} per frame limit", nameof(frame));
        }

        var body = StrSize(frame.DeviceId) + StrSize(frame.Dataset) + 8 + (n * (8 + 4 + 4 + 8)) + (frame.Iq.Length * 4L);
        var w = new Writer(FrameKind.Samples, body);
        w.Str(frame.DeviceId);
        w.Str(frame.Dataset);
        w.U32((uint)frame.Length);
        w.U32((uint)n);
        w.Array<long>(frame.Ids);
        w.Array<int>(frame.Labels);
        w.Array<int>(frame.Snr);
        w.Array<long>(frame.SentAtUnixMicros);
        w.Array<float>(frame.Iq);
        return w.Done();
    }

    public static byte[] Encode(EndOfStreamFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = new Writer(FrameKind.EndOfStream, StrSize(frame.DeviceId) + StrSize(frame.Dataset) + 8);
        w.Str(frame.DeviceId);
        w.Str(frame.Dataset);
        w.I64(frame.SamplesSent);
        return w.Done();
    }

    public static byte[] Encode(ResultBatchFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var n = frame.Count;
        if (frame.Predictions.Length != n || frame.Confidences.Length != n)
        {
            throw new ArgumentException("result arrays disagree in length", nameof(frame));
        }

        var w = new Writer(FrameKind.Results, StrSize(frame.Dataset) + 8 + 4 + (n * 16L));
        w.Str(frame.Dataset);
        w.I64(frame.AnsweredAtUnixMicros);
        w.U32((uint)n);
        w.Array<long>(frame.Ids);
        w.Array<int>(frame.Predictions);
        w.Array<float>(frame.Confidences);
        return w.Done();
    }

    /// <summary>
    /// Decodes one frame. When <paramref name="expectedDataset"/> / <paramref name="expectedLength"/> are given, frames
    /// for another dataset or sample length are rejected. Never throws.
    /// </summary>
    public static DecodedFrame Decode(ReadOnlySpan<byte> bytes, string? expectedDataset = null, int? expectedLength = null)
    {
        if (bytes.Length < HeaderSize)
        {
            return DecodedFrame.Fail(DecodeFailure.Truncated, $"frame of {bytes.Length} bytes is shorter than the {HeaderSize}-byte header");
        }

        if (!bytes[..4].SequenceEqual(Magic))
        {
            return DecodedFrame.Fail(DecodeFailure.BadMagic, "frame does not start with the CEIQ magic");
        }

        if (bytes[4] != Version)
        {
            return DecodedFrame.Fail(DecodeFailure.UnsupportedVersion, $"frame version {bytes[4]} is not supported (this build reads version {Version})");
        }

        var kind = (FrameKind)bytes[5];
        var bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (bodyLength > MaxBodyBytes)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, $"frame body of {bodyLength} bytes exceeds the {MaxBodyBytes}-byte limit");
        }

        if (bytes.Length - HeaderSize < bodyLength)
        {
            return DecodedFrame.Fail(DecodeFailure.Truncated, $"frame body has {bytes.Length - HeaderSize} of {bodyLength} bytes");
        }

        if (bytes.Length - HeaderSize > bodyLength)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, $"frame has {bytes.Length - HeaderSize - bodyLength} bytes after its body");
        }

        var r = new Reader(bytes.Slice(HeaderSize, (int)bodyLength));
        var result = kind switch
        {
            FrameKind.Samples => DecodeSamples(ref r, expectedDataset, expectedLength),
            FrameKind.EndOfStream => DecodeEnd(ref r, expectedDataset),
            FrameKind.Results => DecodeResults(ref r),
            _ => DecodedFrame.Fail(DecodeFailure.UnknownKind, $"unknown frame kind {(byte)kind}"),
        };
        if (result.Ok && !r.AtEnd)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, $"{r.Remaining} unread bytes at the end of a {kind} frame");
        }

        return result;
    }

    private static DecodedFrame DecodeSamples(ref Reader r, string? expectedDataset, int? expectedLength)
    {
        if (!r.Str(out var device) || !r.Str(out var dataset) || !r.U32(out var length) || !r.U32(out var count))
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, "samples frame header fields are missing or invalid");
        }

        if (expectedDataset is not null && !string.Equals(dataset, expectedDataset, StringComparison.OrdinalIgnoreCase))
        {
            return DecodedFrame.Fail(DecodeFailure.WrongDataset, $"frame is for dataset '{dataset}', this receiver serves '{expectedDataset}'");
        }

        if (length == 0 || length > MaxLength || count == 0 || count > MaxSamplesPerFrame)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, $"samples frame has length {length} and count {count} (allowed 1..{MaxLength}, 1..{MaxSamplesPerFrame})");
        }

        if (expectedLength is { } want && want != length)
        {
            return DecodedFrame.Fail(DecodeFailure.WrongLength, $"frame has samples of length {length}, expected {want}");
        }

        var n = (int)count;
        var floats = (long)n * 2 * length;
        if (r.Remaining != (n * 24L) + (floats * 4))
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, $"samples frame body holds {r.Remaining} bytes after its header, {n} samples of length {length} need {(n * 24L) + (floats * 4)}");
        }

        var ids = r.Array<long>(n);
        var labels = r.Array<int>(n);
        var snr = r.Array<int>(n);
        var sent = r.Array<long>(n);
        var iq = r.Array<float>((int)floats);
        for (var i = 0; i < iq.Length; i++)
        {
            if (!float.IsFinite(iq[i]))
            {
                return DecodedFrame.Fail(DecodeFailure.NonFinite, $"sample {ids[i / (2 * (int)length)]} holds a non-finite value");
            }
        }

        return DecodedFrame.Of(new SampleBatchFrame(device, dataset, (int)length, ids, labels, snr, sent, iq));
    }

    private static DecodedFrame DecodeEnd(ref Reader r, string? expectedDataset)
    {
        if (!r.Str(out var device) || !r.Str(out var dataset) || !r.I64(out var sent) || sent < 0)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, "end-of-stream frame fields are missing or invalid");
        }

        if (expectedDataset is not null && !string.Equals(dataset, expectedDataset, StringComparison.OrdinalIgnoreCase))
        {
            return DecodedFrame.Fail(DecodeFailure.WrongDataset, $"end-of-stream frame is for dataset '{dataset}', this receiver serves '{expectedDataset}'");
        }

        return DecodedFrame.Of(new EndOfStreamFrame(device, dataset, sent));
    }

    private static DecodedFrame DecodeResults(ref Reader r)
    {
        if (!r.Str(out var dataset) || !r.I64(out var answered) || !r.U32(out var count) || count > MaxSamplesPerFrame || r.Remaining != count * 16L)
        {
            return DecodedFrame.Fail(DecodeFailure.Malformed, "results frame fields are missing or invalid");
        }

        var n = (int)count;
        return DecodedFrame.Of(new ResultBatchFrame(dataset, r.Array<long>(n), r.Array<int>(n), r.Array<float>(n), answered));
    }

    private static int StrSize(string s)
    {
        var bytes = Encoding.ASCII.GetByteCount(s);
        if (bytes is 0 or > MaxStringBytes || s.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"'{s}' must be 1..{MaxStringBytes} printable ASCII characters");
        }

        return 1 + bytes;
    }

    private ref struct Writer
    {
        private readonly byte[] _buffer;
        private int _pos;

        public Writer(FrameKind kind, long bodyLength)
        {
            if (bodyLength > MaxBodyBytes)
            {
                throw new ArgumentException($"frame body of {bodyLength} bytes exceeds the {MaxBodyBytes}-byte limit; send fewer samples per frame");
            }

            _buffer = new byte[HeaderSize + bodyLength];
            Magic.CopyTo(_buffer);
            _buffer[4] = Version;
            _buffer[5] = (byte)kind;
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(8), (uint)bodyLength);
            _pos = HeaderSize;
        }

        public void Str(string s)
        {
            var n = Encoding.ASCII.GetBytes(s, _buffer.AsSpan(_pos + 1));
            _buffer[_pos] = (byte)n;
            _pos += 1 + n;
        }

        public void U32(uint v)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_pos), v);
            _pos += 4;
        }

        public void I64(long v)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_pos), v);
            _pos += 8;
        }

        public void Array<T>(T[] values)
            where T : unmanaged
        {
            var bytes = MemoryMarshal.AsBytes(values.AsSpan());
            bytes.CopyTo(_buffer.AsSpan(_pos));
            _pos += bytes.Length;
        }

        public readonly byte[] Done() => _pos == _buffer.Length ? _buffer : throw new InvalidOperationException("frame size mismatch");
    }

    private ref struct Reader(ReadOnlySpan<byte> body)
    {
        private readonly ReadOnlySpan<byte> _body = body;
        private int _pos;

        public readonly int Remaining => _body.Length - _pos;

        public readonly bool AtEnd => _pos == _body.Length;

        public bool Str(out string value)
        {
            value = string.Empty;
            if (Remaining < 1)
            {
                return false;
            }

            int n = _body[_pos];
            if (n is 0 or > MaxStringBytes || Remaining < 1 + n)
            {
                return false;
            }

            var raw = _body.Slice(_pos + 1, n);
            foreach (var b in raw)
            {
                if (b is < 0x20 or > 0x7e)
                {
                    return false;
                }
            }

            value = Encoding.ASCII.GetString(raw);
            _pos += 1 + n;
            return true;
        }

        public bool U32(out uint value)
        {
            value = 0;
            if (Remaining < 4)
            {
                return false;
            }

            value = BinaryPrimitives.ReadUInt32LittleEndian(_body[_pos..]);
            _pos += 4;
            return true;
        }

        public bool I64(out long value)
        {
            value = 0;
            if (Remaining < 8)
            {
                return false;
            }

            value = BinaryPrimitives.ReadInt64LittleEndian(_body[_pos..]);
            _pos += 8;
            return true;
        }

        public T[] Array<T>(int count)
            where T : unmanaged
        {
            var result = new T[count];
            var bytes = MemoryMarshal.AsBytes(result.AsSpan());
            _body.Slice(_pos, bytes.Length).CopyTo(bytes);
            _pos += bytes.Length;
            return result;
        }
    }
}
