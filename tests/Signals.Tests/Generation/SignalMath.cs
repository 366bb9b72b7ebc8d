using System.Numerics;

namespace CloudEdge.Signals.Tests.Generation;

/// <summary>Small, independent signal-analysis helpers for the generator tests.</summary>
internal static class SignalMath
{
    /// <summary>The complex samples of a <c>[2, L]</c> float vector.</summary>
    public static Complex[] ToComplex(ReadOnlySpan<float> iq)
    {
        var length = iq.Length / 2;
        var x = new Complex[length];
        for (var n = 0; n < length; n++)
        {
            x[n] = new Complex(iq[n], iq[length + n]);
        }

        return x;
    }

    public static double MeanPower(IEnumerable<Complex> x) => x.Average(v => (v.Real * v.Real) + (v.Imaginary * v.Imaginary));

    /// <summary>Radix-2 FFT in place.</summary>
    public static void Fft(Complex[] a)
    {
        var n = a.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (a[i], a[j]) = (a[j], a[i]);
            }
        }

        for (var len = 2; len <= n; len <<= 1)
        {
            var w = Complex.FromPolarCoordinates(1, -2 * Math.PI / len);
            for (var i = 0; i < n; i += len)
            {
                Complex wn = 1;
                for (var k = 0; k < len / 2; k++)
                {
                    var u = a[i + k];
                    var v = a[i + k + (len / 2)] * wn;
                    a[i + k] = u + v;
                    a[i + k + (len / 2)] = u - v;
                    wn *= w;
                }
            }
        }
    }

    /// <summary>Hann-windowed periodogram, shifted so that index 0 is −fs/2 and index N/2 is DC.</summary>
    public static double[] Psd(IReadOnlyList<Complex> x)
    {
        var n = x.Count;
        var a = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = x[i] * (0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)));
        }

        Fft(a);
        var p = new double[n];
        for (var k = 0; k < n; k++)
        {
            p[(k + (n / 2)) % n] = (a[k].Real * a[k].Real) + (a[k].Imaginary * a[k].Imaginary);
        }

        return p;
    }

    /// <summary>Frequency of PSD bin <paramref name="k"/> in cycles per sample.</summary>
    public static double BinFrequency(int k, int n) => (k - (n / 2)) / (double)n;

    /// <summary>Simple scalar features: log power, spectral centroid, RMS bandwidth, peak-to-average ratio (dB), envelope kurtosis.</summary>
    public static double[] SimpleFeatures(Complex[] x)
    {
        var n = x.Length;
        var power = MeanPower(x);
        var psd = Psd(x);
        var total = psd.Sum();
        var centroid = 0.0;
        for (var k = 0; k < n; k++)
        {
            centroid += psd[k] * BinFrequency(k, n);
        }

        centroid /= total;
        var spread = 0.0;
        for (var k = 0; k < n; k++)
        {
            var d = BinFrequency(k, n) - centroid;
            spread += psd[k] * d * d;
        }

        var peak = x.Max(v => (v.Real * v.Real) + (v.Imaginary * v.Imaginary));
        var m4 = x.Average(v => Math.Pow((v.Real * v.Real) + (v.Imaginary * v.Imaginary), 2));
        return [10 * Math.Log10(power), centroid, Math.Sqrt(spread / total), 10 * Math.Log10(peak / power), m4 / (power * power)];
    }

    /// <summary>Log power in 128 equal frequency bands.</summary>
    public static double[] BandPowers(Complex[] x)
    {
        var psd = Psd(x);
        const int Bands = 128;
        var per = psd.Length / Bands;
        var bands = new double[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var s = 0.0;
            for (var k = 0; k < per; k++)
            {
                s += psd[(b * per) + k];
            }

            bands[b] = 10 * Math.Log10(s + 1e-20);
        }

        return bands;
    }

    /// <summary>
    /// Accuracy of a nearest-centroid classifier (features standardised on the training half) trained on the
    /// even-indexed samples and tested on the odd-indexed ones.
    /// </summary>
    public static double NearestCentroidAccuracy(IReadOnlyList<double[]> features, IReadOnlyList<long> labels, int classes)
    {
        var d = features[0].Length;
        var train = Enumerable.Range(0, features.Count).Where(i => i % 2 == 0).ToArray();
        var test = Enumerable.Range(0, features.Count).Where(i => i % 2 == 1).ToArray();
        var mean = new double[d];
        var std = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = train.Average(i => features[i][j]);
            std[j] = Math.Sqrt(train.Average(i => Math.Pow(features[i][j] - mean[j], 2))) + 1e-12;
        }

        var centroids = new double[classes, d];
        var counts = new int[classes];
        foreach (var i in train)
        {
            counts[labels[i]]++;
            for (var j = 0; j < d; j++)
            {
                centroids[labels[i], j] += (features[i][j] - mean[j]) / std[j];
            }
        }

        for (var c = 0; c < classes; c++)
        {
            for (var j = 0; j < d; j++)
            {
                centroids[c, j] /= Math.Max(1, counts[c]);
            }
        }

        var correct = 0;
        foreach (var i in test)
        {
            var best = -1;
            var bestDistance = double.MaxValue;
            for (var c = 0; c < classes; c++)
            {
                var distance = 0.0;
                for (var j = 0; j < d; j++)
                {
                    var z = ((features[i][j] - mean[j]) / std[j]) - centroids[c, j];
                    distance += z * z;
                }

                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }

            if (best == labels[i])
            {
                correct++;
            }
        }

        return (double)correct / test.Length;
    }

    /// <summary>Wraps an angle to (−π, π].</summary>
    public static double Wrap(double angle)
    {
        var a = Math.IEEERemainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + (2 * Math.PI) : a;
    }
}
