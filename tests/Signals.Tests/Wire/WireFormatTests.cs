using System.Buffers.Binary;
using CloudEdge.Signals.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CloudEdge.Signals.Tests.Wire;

public sealed class WireFormatTests
{
    private static SampleBatchFrame Batch(int count = 3, int length = 4, string dataset = "rml2016")
    {
        var iq = Enumerable.Range(0, count * 2 * length).Select(i => (float)Math.Sin(i)).ToArray();
        return new SampleBatchFrame("dev-1", dataset, length,
            Enumerable.Range(100, count).Select(i => (long)i).ToArray(),
            Enumerable.Range(0, count).Select(i => i % 6).ToArray(),
            Enumerable.Range(0, count).Select(i => (i * 2) - 20).ToArray(),
            Enumerable.Range(0, count).Select(i => 1_700_000_000_000_000L + i).ToArray(),
            iq);
    }

    [Fact]
    public void Decode_EncodedSamples_RoundTripsEveryField()
    {
        var frame = Batch();
        var decoded = WireFormat.Decode(WireFormat.Encode(frame), "rml2016", 4);

        Assert.True(decoded.Ok, decoded.Error);
        var back = decoded.Samples!;
        Assert.Equal(frame.DeviceId, back.DeviceId);
        Assert.Equal(frame.Dataset, back.Dataset);
        Assert.Equal(frame.Length, back.Length);
        Assert.Equal(frame.Ids, back.Ids);
        Assert.Equal(frame.Labels, back.Labels);
        Assert.Equal(frame.Snr, back.Snr);
        Assert.Equal(frame.SentAtUnixMicros, back.SentAtUnixMicros);
        Assert.Equal(frame.Iq, back.Iq);
    }

    [Fact]
    public void Decode_EndAndResultFrames_RoundTrip()
    {
        var end = WireFormat.Decode(WireFormat.Encode(new EndOfStreamFrame("dev-9", "radar", 12345)));
        Assert.Equal(FrameKind.EndOfStream, end.Kind);
        Assert.Equal(new EndOfStreamFrame("dev-9", "radar", 12345), end.End);

        var results = WireFormat.Decode(WireFormat.Encode(new ResultBatchFrame("link11", [1, 2], [3, 4], [0.5f, 0.25f], 77)));
        Assert.True(results.Ok, results.Error);
        Assert.Equal(new long[] { 1, 2 }, results.Results!.Ids);
        Assert.Equal(new[] { 3, 4 }, results.Results.Predictions);
        Assert.Equal(new[] { 0.5f, 0.25f }, results.Results.Confidences);
        Assert.Equal(77, results.Results.AnsweredAtUnixMicros);
    }

    [Fact]
    public void Decode_EveryTruncation_FailsWithoutThrowing()
    {
        var bytes = WireFormat.Encode(Batch());
        for (var n = 0; n < bytes.Length; n++)
        {
            var decoded = WireFormat.Decode(bytes.AsSpan(0, n));
            Assert.False(decoded.Ok);
            Assert.Contains(decoded.Failure, new[] { DecodeFailure.Truncated, DecodeFailure.Malformed });
        }
    }

    [Fact]
    public void Decode_NaNInPayload_RejectedAsNonFinite()
    {
        var frame = Batch();
        frame.Iq[5] = float.NaN;
        var decoded = WireFormat.Decode(WireFormat.Encode(frame));
        Assert.Equal(DecodeFailure.NonFinite, decoded.Failure);
        Assert.Contains("non-finite", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OtherDatasetOrLength_Rejected()
    {
        var bytes = WireFormat.Encode(Batch(dataset: "link11"));
        Assert.Equal(DecodeFailure.WrongDataset, WireFormat.Decode(bytes, "rml2016").Failure);
        Assert.Equal(DecodeFailure.WrongLength, WireFormat.Decode(bytes, "link11", 128).Failure);
    }

    [Fact]
    public void Decode_BadMagicVersionKindOrTrailingBytes_Rejected()
    {
        var good = WireFormat.Encode(Batch());

        var magic = (byte[])good.Clone();
        magic[0] = (byte)'X';
        Assert.Equal(DecodeFailure.BadMagic, WireFormat.Decode(magic).Failure);

        var version = (byte[])good.Clone();
        version[4] = 9;
        Assert.Equal(DecodeFailure.UnsupportedVersion, WireFormat.Decode(version).Failure);

        var kind = (byte[])good.Clone();
        kind[5] = 42;
        Assert.Equal(DecodeFailure.UnknownKind, WireFormat.Decode(kind).Failure);

        var trailing = good.Concat(new byte[] { 1 }).ToArray();
        Assert.Equal(DecodeFailure.Malformed, WireFormat.Decode(trailing).Failure);

        // A body length that claims more than the count and sample length need.
        var inflated = good.Concat(new byte[8]).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(inflated.AsSpan(8), (uint)(inflated.Length - WireFormat.HeaderSize));
        Assert.Equal(DecodeFailure.Malformed, WireFormat.Decode(inflated).Failure);
    }

    [Fact]
    public void Encode_InconsistentArrays_Throws()
    {
        var frame = Batch() with { Labels = [1] };
        Assert.Throws<ArgumentException>(() => WireFormat.Encode(frame));
        Assert.Throws<ArgumentException>(() => WireFormat.Encode(Batch() with { DeviceId = string.Empty }));
    }

    [Property(MaxTest = 500)]
    public void Decode_RandomBytes_NeverThrows(byte[] bytes)
    {
        var decoded = WireFormat.Decode(bytes ?? []);
        Assert.False(decoded.Ok && decoded.Samples is null && decoded.End is null && decoded.Results is null);
    }

    [Property(MaxTest = 300)]
    public Property Decode_CorruptedValidFrame_NeverThrows()
    {
        var good = WireFormat.Encode(Batch(count: 2, length: 3));
        var gen = from pos in Gen.Choose(0, good.Length - 1)
                  from value in Gen.Choose(0, 255)
                  from cut in Gen.Choose(0, good.Length)
                  select (pos, (byte)value, cut);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var bytes = (byte[])good.Clone();
            bytes[t.pos] = t.Item2;
            var decoded = WireFormat.Decode(bytes.AsSpan(0, t.cut));
            return !decoded.Ok || decoded.Samples is not null || decoded.End is not null || decoded.Results is not null;
        });
    }
}
