using CloudEdge.Signals.Data;
using CloudEdge.Signals.Generation;

namespace CloudEdge.Signals.Tests.Generation;

/// <summary>
/// The emitter datasets must be learnable but not trivial: no simple statistic (power, spectral centroid,
/// bandwidth, peak-to-average ratio, envelope kurtosis), alone or together, separates the classes.
/// </summary>
public sealed class SeparabilityTests
{
    private const int Chance7 = 7;

    [Theory]
    [InlineData(DatasetKind.Link11)]
    [InlineData(DatasetKind.Radar)]
    public void NearestCentroid_SimpleFeaturesAtModerateSnr_StaysFarFromPerfect(DatasetKind kind)
    {
        var (features, labels) = Features(kind, 10, SignalMath.SimpleFeatures);
        var all = SignalMath.NearestCentroidAccuracy(features, labels, Chance7);
        Assert.True(all < 0.6, $"{kind}: simple features together reach {all:P0}");
        for (var j = 0; j < features[0].Length; j++)
        {
            var single = SignalMath.NearestCentroidAccuracy(features.Select(f => new[] { f[j] }).ToList(), labels, Chance7);
            Assert.True(single < 0.5, $"{kind}: simple feature {j} alone reaches {single:P0}");
        }

        // Still better than chance: the classes do differ.
        Assert.True(all > 2.0 / Chance7, $"{kind}: simple features reach only {all:P0}");
    }

    [Fact]
    public void NearestCentroid_Link11SpectralShape_CarriesTheFingerprints()
    {
        // Band powers over the whole ±4 kHz (image band, intermodulation, carrier leakage, tone ripple) hold
        // clearly more class information than the simple statistics: the task is learnable.
        var (simple, labels) = Features(DatasetKind.Link11, 20, SignalMath.SimpleFeatures);
        var (shape, _) = Features(DatasetKind.Link11, 20, SignalMath.BandPowers);
        var simpleAccuracy = SignalMath.NearestCentroidAccuracy(simple, labels, Chance7);
        var shapeAccuracy = SignalMath.NearestCentroidAccuracy(shape, labels, Chance7);
        Assert.True(shapeAccuracy > simpleAccuracy + 0.15, $"band powers {shapeAccuracy:P0}, simple features {simpleAccuracy:P0}");
    }

    private static (List<double[]> Features, long[] Labels) Features(DatasetKind kind, int snr, Func<System.Numerics.Complex[], double[]> extract)
    {
        var data = GeneratorFactory.Create(kind).Generate(new() { SamplesPerClass = 160, Snrs = [snr], Seed = 2024 }, null, TestContext.Current.CancellationToken);
        var features = Enumerable.Range(0, data.Count).AsParallel().AsOrdered().Select(i => extract(SignalMath.ToComplex(data.Sample(i)))).ToList();
        return (features, data.Y);
    }
}
