using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.Generation;

/// <summary>
/// A synthetic dataset source: produces float32 <c>[N, 2, L]</c> IQ vectors with labels and per-sample SNR,
/// deterministic for a seed. Implementations are thread-safe.
/// </summary>
public interface ISignalGenerator
{
    /// <summary>The dataset this generator makes (id, class names, default length).</summary>
    DatasetInfo Info { get; }

    /// <summary>The SNR grid used when a request names none.</summary>
    IReadOnlyList<int> DefaultSnrs { get; }

    /// <summary>The shortest vector length the signal model supports.</summary>
    int MinLength { get; }

    /// <summary>Synthesises a labelled dataset (parallel over samples). <paramref name="progress"/> receives the number of samples done.</summary>
    SignalDataset Generate(GenerationRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Synthesises <paramref name="count"/> vectors of random classes (uniform) and SNRs (uniform over
    /// <paramref name="snrs"/>, default grid when null) for live streaming. Sample k uses the generator of
    /// index <paramref name="startIndex"/> + k, so consecutive batches (startIndex += count) continue one
    /// reproducible stream.
    /// </summary>
    SignalDataset GenerateBatch(int count, long seed, long startIndex = 0, IReadOnlyList<int>? snrs = null, int? length = null);

    /// <summary>
    /// Synthesises one vector of class <paramref name="classIndex"/> (catalog index) at <paramref name="snrDb"/>
    /// into <paramref name="iq"/> (2·L floats: I row then Q row), with the randomness of sample
    /// <paramref name="index"/> of seed <paramref name="seed"/>. When <paramref name="clean"/> is not empty it
    /// receives the same vector without noise, scaled by the same factor (a test hook for SNR and structure).
    /// </summary>
    void Synthesize(int classIndex, double snrDb, long seed, long index, Span<float> iq, Span<float> clean);
}
