using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;

namespace CloudEdge.Signals.Tests.Generation;

/// <summary>Behaviour every generator shares: shapes, labels, SNR schedule, determinism, SNR calibration, bad requests.</summary>
public sealed class GeneratorContractTests
{
    public static TheoryData<DatasetKind> Kinds => [DatasetKind.Rml2016, DatasetKind.Link11, DatasetKind.Radar];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generate_Request_ShapesLabelsAndSnrScheduleAreConsistent(DatasetKind kind)
    {
        var generator = GeneratorFactory.Create(kind);
        int[] snrs = [-4, 0, 6];
        var data = generator.Generate(new() { SamplesPerClass = 7, Snrs = snrs, Seed = 1 }, null, Ct);

        var classes = generator.Info.Classes.Count;
        var length = generator.Info.DefaultLength;
        Assert.Equal(kind, generator.Info.Kind);
        Assert.Equal(generator.Info.Id, data.Name);
        Assert.Equal(generator.Info.Classes, data.Classes);
        Assert.Equal(length, data.Length);
        Assert.Equal(classes * 7, data.Count);
        Assert.Equal(classes * 7 * 2 * length, data.X.Length);
        Assert.All(data.ClassCounts(), c => Assert.Equal(7, c));
        for (var i = 0; i < data.Count; i++)
        {
            Assert.Equal(i / 7, data.Y[i]);
            Assert.Equal(snrs[i % 7 % 3], data.Snr![i]);
        }

        Assert.All(data.X, v => Assert.True(float.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generate_SameSeed_IsIdenticalWhateverTheThreadCount(DatasetKind kind)
    {
        var generator = GeneratorFactory.Create(kind);
        var request = new GenerationRequest { SamplesPerClass = 6, Seed = 42 };
        var parallel = generator.Generate(request, null, Ct);
        var sequential = generator.Generate(request with { MaxDegreeOfParallelism = 1 }, null, Ct);
        var other = generator.Generate(request with { Seed = 43 }, null, Ct);

        Assert.Equal(parallel.X, sequential.X);
        Assert.Equal(parallel.Y, sequential.Y);
        Assert.Equal(parallel.Snr, sequential.Snr);
        Assert.NotEqual(parallel.X, other.X);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generate_Sample_EqualsSynthesizeOfTheSameIndex(DatasetKind kind)
    {
        var generator = GeneratorFactory.Create(kind);
        var data = generator.Generate(new() { SamplesPerClass = 3, Seed = 9 }, null, Ct);
        var iq = new float[data.SampleSize];
        foreach (var i in new[] { 0, 4, data.Count - 1 })
        {
            generator.Synthesize((int)data.Y[i], data.Snr![i], 9, i, iq, default);
            Assert.Equal(data.Sample(i).ToArray(), iq);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GenerateBatch_ConsecutiveBatches_ContinueOneStream(DatasetKind kind)
    {
        var generator = GeneratorFactory.Create(kind);
        var whole = generator.GenerateBatch(12, seed: 5);
        var first = generator.GenerateBatch(5, seed: 5);
        var second = generator.GenerateBatch(7, seed: 5, startIndex: 5);

        Assert.Equal(whole.X, first.X.Concat(second.X));
        Assert.Equal(whole.Y, first.Y.Concat(second.Y));
        Assert.Equal(whole.Snr, first.Snr!.Concat(second.Snr!));
        Assert.All(whole.Snr!, s => Assert.Contains(s, generator.DefaultSnrs));
        Assert.Equal(generator.Info.Classes, whole.Classes);
    }

    [Fact]
    public void GenerateBatch_ManySamples_DrawsEveryClassAndSnr()
    {
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        var batch = generator.GenerateBatch(600, seed: 1, snrs: [-2, 2]);
        Assert.All(batch.ClassCounts(), c => Assert.InRange(c, 60, 140));
        Assert.Equal([-2, 2], batch.Snr!.Distinct().Order());
    }

    [Theory]
    [InlineData(DatasetKind.Rml2016, -10)]
    [InlineData(DatasetKind.Rml2016, 0)]
    [InlineData(DatasetKind.Rml2016, 18)]
    [InlineData(DatasetKind.Link11, -6)]
    [InlineData(DatasetKind.Link11, 14)]
    [InlineData(DatasetKind.Radar, -8)]
    [InlineData(DatasetKind.Radar, 20)]
    public void Synthesize_Snr_MeasuredFromCleanSignalMatchesLabel(DatasetKind kind, int snr)
    {
        var generator = GeneratorFactory.Create(kind);
        var length = generator.Info.DefaultLength;
        var iq = new float[2 * length];
        var clean = new float[2 * length];
        var measured = new List<double>();
        for (var i = 0; i < 70; i++)
        {
            generator.Synthesize(i % generator.Info.Classes.Count, snr, 77, i, iq, clean);
            double signal = 0, noise = 0;
            for (var n = 0; n < iq.Length; n++)
            {
                signal += clean[n] * (double)clean[n];
                noise += (iq[n] - (double)clean[n]) * (iq[n] - (double)clean[n]);
            }

            measured.Add(10 * Math.Log10(signal / noise));
        }

        // The mean over vectors matches the label; with L = 1024 every single vector does too (the noise
        // power of one 128-sample vector scatters by about ±0.4 dB).
        Assert.InRange(measured.Average(), snr - 0.5, snr + 0.5);
        if (length >= 1024)
        {
            Assert.All(measured, m => Assert.InRange(m, snr - 0.5, snr + 0.5));
        }
    }

    [Fact]
    public void Generate_ClassSubset_RenumbersLabelsInCatalogOrder()
    {
        var generator = GeneratorFactory.Create("rml2016");
        var data = generator.Generate(new() { SamplesPerClass = 2, Classes = ["qpsk", "BPSK"], Seed = 1 }, null, Ct);
        Assert.Equal(["BPSK", "QPSK"], data.Classes);
        Assert.Equal([0L, 0, 1, 1], data.Y);
    }

    [Fact]
    public void Generate_ExplicitLength_IsUsed()
    {
        var data = GeneratorFactory.Create(DatasetKind.Rml2016).Generate(new() { SamplesPerClass = 1, Length = 256 }, null, Ct);
        Assert.Equal(256, data.Length);
        Assert.Equal(6 * 2 * 256, data.X.Length);
    }

    [Theory]
    [InlineData(0, null, null, "samples per class")]
    [InlineData(1, 4, null, "length")]
    [InlineData(1, null, "FSK", "unknown rml2016 class 'FSK'")]
    public void Generate_BadRequest_ThrowsNamingTheProblem(int samplesPerClass, int? length, string? className, string expected)
    {
        var generator = GeneratorFactory.Create(DatasetKind.Rml2016);
        var request = new GenerationRequest { SamplesPerClass = samplesPerClass, Length = length, Classes = className is null ? null : [className] };
        var error = Assert.ThrowsAny<ArgumentException>(() => generator.Generate(request, null, Ct));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_EmptySnrList_Throws()
    {
        var generator = GeneratorFactory.Create(DatasetKind.Link11);
        Assert.ThrowsAny<ArgumentException>(() => generator.Generate(new() { SamplesPerClass = 1, Snrs = [] }, null, Ct));
    }

    [Fact]
    public void Generate_Progress_ReportsCompletion()
    {
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);
        var data = GeneratorFactory.Create(DatasetKind.Rml2016).Generate(new() { SamplesPerClass = 100 }, progress, Ct);
        Assert.Equal(data.Count, reports[^1]);
        Assert.True(reports.Count >= 2);
    }

    [Fact]
    public void SnrGrid_Range_IncludesBothEnds()
    {
        Assert.Equal([-20, -18, -16, -14, -12, -10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18], SnrGrid.Rml2016);
        Assert.Equal([0, 5, 10], SnrGrid.Range(0, 10, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SnrGrid.Range(0, 10, 0));
        Assert.Throws<ArgumentException>(() => SnrGrid.Range(10, 0, 2));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
