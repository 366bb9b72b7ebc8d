using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Generation;

/// <summary>
/// Shared machinery of the generators: request validation, class subsets, the SNR schedule, per-sample
/// random generators derived from (seed, index), and the parallel loop. A subclass supplies the signal model.
/// </summary>
public abstract class SignalGenerator : ISignalGenerator
{
    /// <summary>Largest vector length accepted.</summary>
    public const int MaxLength = 1 << 16;

    private const int ProgressStride = 256;

    /// <inheritdoc />
    public abstract DatasetInfo Info { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<int> DefaultSnrs { get; }

    /// <inheritdoc />
    public abstract int MinLength { get; }

    /// <inheritdoc />
    public SignalDataset Generate(GenerationRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SamplesPerClass < 1)
        {
            throw new ArgumentException($"samples per class must be at least 1 (got {request.SamplesPerClass})", nameof(request));
        }

        var classIndices = ResolveClasses(request.Classes);
        var snrs = ResolveSnrs(request.Snrs);
        var length = ResolveLength(request.Length);
        var count = CheckedCount((long)classIndices.Length * request.SamplesPerClass, length);

        var x = new float[(long)count * 2 * length];
        var y = new long[count];
        var snr = new int[count];
        for (var i = 0; i < count; i++)
        {
            var within = i % request.SamplesPerClass;
            y[i] = i / request.SamplesPerClass;
            snr[i] = snrs[within % snrs.Count];
        }

        var done = 0;
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism is > 0 ? request.MaxDegreeOfParallelism.Value : -1,
        };
        var seed = request.Seed;
        Parallel.For(0, count, options, i =>
        {
            var rng = Xoshiro256.ForSample(seed, i);
            SynthesizeCore(classIndices[y[i]], snr[i], ref rng, x.AsSpan(i * 2 * length, 2 * length), default);
            var d = Interlocked.Increment(ref done);
            if (progress is not null && d % ProgressStride == 0)
            {
                progress.Report(d);
            }
        });
        progress?.Report(count);

        var names = classIndices.Select(c => Info.Classes[c]).ToArray();
        return new SignalDataset(x, y, snr, names, length, Info.Id);
    }

    /// <inheritdoc />
    public SignalDataset GenerateBatch(int count, long seed, long startIndex = 0, IReadOnlyList<int>? snrs = null, int? length = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"batch size must be at least 1 (got {count})");
        }

        var grid = ResolveSnrs(snrs);
        var len = ResolveLength(length);
        CheckedCount(count, len);
        var x = new float[(long)count * 2 * len];
        var y = new long[count];
        var snr = new int[count];
        var classCount = Info.Classes.Count;
        Parallel.For(0, count, k =>
        {
            var rng = Xoshiro256.ForSample(seed, startIndex + k);
            var c = rng.NextInt(classCount);
            var s = grid[rng.NextInt(grid.Count)];
            y[k] = c;
            snr[k] = s;
            SynthesizeCore(c, s, ref rng, x.AsSpan(k * 2 * len, 2 * len), default);
        });
        return new SignalDataset(x, y, snr, Info.Classes, len, Info.Id);
    }

    /// <inheritdoc />
    public void Synthesize(int classIndex, double snrDb, long seed, long index, Span<float> iq, Span<float> clean)
    {
        if (classIndex < 0 || classIndex >= Info.Classes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"{Info.Id} has {Info.Classes.Count} classes");
        }

        if (iq.Length % 2 != 0)
        {
            throw new ArgumentException($"the IQ span must hold 2·L floats (got {iq.Length})", nameof(iq));
        }

        ResolveLength(iq.Length / 2);
        if (!clean.IsEmpty && clean.Length != iq.Length)
        {
            throw new ArgumentException($"the clean span must be empty or hold {iq.Length} floats (got {clean.Length})", nameof(clean));
        }

        var rng = Xoshiro256.ForSample(seed, index);
        SynthesizeCore(classIndex, snrDb, ref rng, iq, clean);
    }

    /// <summary>The signal model: one vector of L = iq.Length / 2 samples.</summary>
    private protected abstract void SynthesizeCore(int classIndex, double snrDb, ref Xoshiro256 rng, Span<float> iq, Span<float> clean);

    private int[] ResolveClasses(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return Enumerable.Range(0, Info.Classes.Count).ToArray();
        }

        var chosen = new SortedSet<int>();
        foreach (var name in names)
        {
            var k = -1;
            for (var c = 0; c < Info.Classes.Count; c++)
            {
                if (string.Equals(Info.Classes[c], name?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    k = c;
                }
            }

            if (k < 0)
            {
                throw new ArgumentException($"unknown {Info.Id} class '{name}' (known: {string.Join(", ", Info.Classes)})", nameof(names));
            }

            chosen.Add(k);
        }

        return [.. chosen];
    }

    private IReadOnlyList<int> ResolveSnrs(IReadOnlyList<int>? snrs)
    {
        if (snrs is null)
        {
            return DefaultSnrs;
        }

        if (snrs.Count == 0)
        {
            throw new ArgumentException("the SNR list is empty", nameof(snrs));
        }

        foreach (var s in snrs)
        {
            if (s is < -60 or > 100)
            {
                throw new ArgumentException($"SNR {s} dB is outside −60 … 100 dB", nameof(snrs));
            }
        }

        return snrs;
    }

    private int ResolveLength(int? length)
    {
        var l = length ?? Info.DefaultLength;
        if (l < MinLength || l > MaxLength)
        {
            throw new ArgumentException($"{Info.Id} vector length must be within {MinLength} … {MaxLength} (got {l})", nameof(length));
        }

        return l;
    }

    private static int CheckedCount(long count, int length)
    {
        if (count * 2 * length > Array.MaxLength)
        {
            throw new ArgumentException($"{count} samples of length {length} exceed the largest array .NET can hold ({Array.MaxLength} floats); generate fewer samples per file");
        }

        return (int)count;
    }
}
