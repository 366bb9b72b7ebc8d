namespace CloudEdge.Signals.Wire;

/// <summary>The outcome of decoding one frame: exactly one of the frames is set, or <see cref="Failure"/> says why none is.</summary>
public sealed record DecodedFrame(FrameKind Kind, SampleBatchFrame? Samples, EndOfStreamFrame? End, ResultBatchFrame? Results, DecodeFailure Failure, string Error)
{
    public bool Ok => Failure == DecodeFailure.None;

    internal static DecodedFrame Fail(DecodeFailure failure, string error) => new(default, null, null, null, failure, error);

    internal static DecodedFrame Of(SampleBatchFrame samples) => new(FrameKind.Samples, samples, null, null, DecodeFailure.None, string.Empty);

    internal static DecodedFrame Of(EndOfStreamFrame end) => new(FrameKind.EndOfStream, null, end, null, DecodeFailure.None, string.Empty);

    internal static DecodedFrame Of(ResultBatchFrame results) => new(FrameKind.Results, null, null, results, DecodeFailure.None, string.Empty);
}
