namespace CloudEdge.Learning.Models;

/// <summary>
/// Computes a <see cref="ModelProfile"/> analytically from a spec, following the same construction rules as
/// <see cref="ComplexResNet"/> and <see cref="RealResNet"/> (the tests check the parameter count against built models).
/// </summary>
public static class ModelProfiler
{
    /// <summary>Profiles <paramref name="spec"/>; throws <see cref="ArgumentException"/> when the spec is invalid.</summary>
    public static ModelProfile Profile(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var walker = new Walker(spec.InputLength);
        if (ModelArchitectures.IsComplex(spec.Architecture))
        {
            ProfileComplex(spec, walker);
        }
        else
        {
            ProfileReal(spec, walker);
        }

        return new ModelProfile(spec, walker.Layers);
    }

    private static void ProfileComplex(ModelSpec spec, Walker w)
    {
        var widths = ModelArchitectures.BaseWidths(spec.Architecture).Select(spec.Scale).ToArray();
        var longInput = spec.StemDownsampling > 1;
        w.ComplexConv("conv1", 1, widths[0], 7, longInput ? 2 : 1, 3);
        w.ComplexNorm("bn1", widths[0]);
        if (longInput)
        {
            w.Pool("pool", widths[0], 3, 2, 1);
        }

        long channels = widths[0];
        for (var stage = 0; stage < 4; stage++)
        {
            var width = widths[stage + 1];
            var outChannels = width * ModelArchitectures.BottleneckExpansion;
            for (var block = 0; block < spec.StageDepths[stage]; block++)
            {
                var stride = block == 0 && stage > 0 ? 2 : 1;
                var prefix = $"layer{stage + 1}.{block}";
                var inputLength = w.Length;
                w.ComplexConv($"{prefix}.conv1", channels, width, 1, 1, 0);
                w.ComplexNorm($"{prefix}.bn1", width);
                w.ComplexConv($"{prefix}.conv2", width, width, 3, stride, 1);
                w.ComplexNorm($"{prefix}.bn2", width);
                w.ComplexConv($"{prefix}.conv3", width, outChannels, 1, 1, 0);
                w.ComplexNorm($"{prefix}.bn3", outChannels);
                if (stride != 1 || channels != outChannels)
                {
                    var blockLength = w.Length;
                    w.Length = inputLength;
                    w.ComplexConv($"{prefix}.downsample.0", channels, outChannels, 1, stride, 0);
                    w.ComplexNorm($"{prefix}.downsample.1", outChannels);
                    w.Length = blockLength;
                }

                channels = outChannels;
            }
        }

        w.Linear("fc", 2 * channels, spec.NumClasses);
    }

    private static void ProfileReal(ModelSpec spec, Walker w)
    {
        var widths = ModelArchitectures.BaseWidths(spec.Architecture).Select(spec.Scale).ToArray();
        var longInput = spec.StemDownsampling > 1;
        if (longInput)
        {
            w.Conv("conv1", 2, widths[0], 7, 2, 3);
        }
        else
        {
            w.Conv("conv1", 2, widths[0], 3, 1, 1);
        }

        w.Norm("bn1", widths[0]);
        if (longInput)
        {
            w.Pool("maxpool", widths[0], 3, 2, 1);
        }

        long channels = widths[0];
        for (var stage = 0; stage < 3; stage++)
        {
            var width = widths[stage + 1];
            for (var block = 0; block < spec.StageDepths[stage]; block++)
            {
                var stride = block == 0 && stage > 0 ? 2 : 1;
                var prefix = $"layer{stage + 1}.{block}";
                var inputLength = w.Length;
                w.Conv($"{prefix}.conv1", channels, width, 3, stride, 1);
                w.Norm($"{prefix}.bn1", width);
                w.Conv($"{prefix}.conv2", width, width, 3, 1, 1);
                w.Norm($"{prefix}.bn2", width);
                if (stride != 1 || channels != width)
                {
                    var blockLength = w.Length;
                    w.Length = inputLength;
                    w.Conv($"{prefix}.downsample.0", channels, width, 1, stride, 0);
                    w.Norm($"{prefix}.downsample.1", width);
                    w.Length = blockLength;
                }

                channels = width;
            }
        }

        w.Linear("fc", channels, spec.NumClasses);
    }

    /// <summary>Tracks the current feature length while layers are appended.</summary>
    private sealed class Walker(long length)
    {
        public List<LayerProfile> Layers { get; } = [];

        public long Length { get; set; } = length;

        public void Conv(string name, long cin, long cout, int k, int s, int p)
        {
            Length = OutLength(Length, k, s, p);
            Layers.Add(new(name, "conv", cin, cout, k, s, Length, cout * cin * k, cout * cin * k * Length));
        }

        public void ComplexConv(string name, long cin, long cout, int k, int s, int p)
        {
            Length = OutLength(Length, k, s, p);
            Layers.Add(new(name, "cconv", cin, cout, k, s, Length, 2 * cout * cin * k, 4 * cout * cin * k * Length));
        }

        public void Norm(string name, long c) => Layers.Add(new(name, "bn", c, c, 1, 1, Length, 2 * c, 0));

        public void ComplexNorm(string name, long c) => Layers.Add(new(name, "cbn", c, c, 1, 1, Length, 5 * c, 0));

        public void Pool(string name, long c, int k, int s, int p)
        {
            Length = OutLength(Length, k, s, p);
            Layers.Add(new(name, "pool", c, c, k, s, Length, 0, 0));
        }

        public void Linear(string name, long fin, long fout) => Layers.Add(new(name, "linear", fin, fout, 1, 1, 1, fin * fout + fout, fin * fout));

        private static long OutLength(long length, int k, int s, int p) => ((length + (2 * p) - k) / s) + 1;
    }
}
