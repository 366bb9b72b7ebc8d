using CloudEdge.Signals.Data;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Models;

/// <summary>
/// The models of the system, keyed by the reference preset names <c>{architecture}_{dataset}</c>:
/// <c>complex_resnet50_rml2016</c>, <c>complex_resnet50_link11</c>, <c>complex_resnet50_radar</c> (cloud
/// teachers) and <c>real_resnet20_rml2016</c>, <c>real_resnet20_link11</c>, <c>real_resnet20_radar</c>
/// (edge students). Resolves a name to a <see cref="ModelSpec"/>, builds it (optionally seeded) and
/// describes its size and cost.
/// </summary>
public static class ModelRegistry
{
    /// <summary>Every preset name, teachers first, datasets in <see cref="DatasetCatalog.All"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ModelArchitectures.All.SelectMany(a => DatasetCatalog.All.Select(d => PresetName(a, d))).ToArray();

    /// <summary>The preset name of an architecture on a dataset, e.g. <c>real_resnet20_link11</c>.</summary>
    public static string PresetName(string architecture, DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return $"{ModelArchitectures.Canonical(architecture)}_{dataset.Id}";
    }

    /// <summary>
    /// The architecture family of a preset name (<c>complex_resnet50_rml2016</c> → <c>complex_resnet50</c>)
    /// or of a bare family name; case-insensitive. Throws <see cref="ArgumentException"/> listing the known names.
    /// </summary>
    public static string Family(string name) => Parse(name).Architecture;

    /// <summary>
    /// The dataset a preset name is for (<c>real_resnet20_radar</c> → radar), or null for a bare family name.
    /// Throws <see cref="ArgumentException"/> for an unknown name.
    /// </summary>
    public static DatasetInfo? DatasetOf(string name) => Parse(name).Dataset;

    /// <summary>Whether <paramref name="name"/> is a preset or family name this registry knows.</summary>
    public static bool IsKnown(string? name) => name is not null && TryParse(name, out _, out _);

    /// <summary>
    /// The spec of a preset (or bare family name) on <paramref name="dataset"/>: class count from the
    /// dataset, input length from <paramref name="inputLength"/> or the dataset's default length, plus the
    /// size knobs. A preset name for another dataset is an <see cref="ArgumentException"/> (a teacher or
    /// student must match the data it serves).
    /// </summary>
    public static ModelSpec Resolve(string presetName, DatasetInfo dataset, int? inputLength = null, double width = 1.0, IReadOnlyList<int>? depth = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var (architecture, presetDataset) = Parse(presetName);
        if (presetDataset is not null && presetDataset.Id != dataset.Id)
        {
            throw new ArgumentException($"model '{presetName}' is for dataset {presetDataset.Id}, but the data is {dataset.Id} (use {PresetName(architecture, dataset)})", nameof(presetName));
        }

        var spec = new ModelSpec(architecture, dataset.Classes.Count, inputLength ?? dataset.DefaultLength, width, depth?.ToArray());
        spec.Validate();
        return spec;
    }

    /// <summary>Builds the model of <paramref name="spec"/>, initialised from torch's global generator (see <c>torch.manual_seed</c>).</summary>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        var model = Build(spec);
        ModelInitializer.Initialize(model, null);
        return model;
    }

    /// <summary>
    /// Builds the model of <paramref name="spec"/> with weights drawn from a generator seeded with
    /// <paramref name="seed"/>: the same spec and seed give identical weights in every process, and the
    /// global torch generator is left untouched by the initialisation.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec, long seed)
    {
        // Built-in layers draw a default initialisation from the global generator while they are
        // constructed; restore its state so that seeded creation has no effect on the caller's stream.
        using var state = random.get_rng_state();
        nn.Module<Tensor, Tensor> model;
        try
        {
            model = Build(spec);
        }
        finally
        {
            random.set_rng_state(state);
        }

        ModelInitializer.Initialize(model, seed);
        return model;
    }

    /// <summary>Analytic parameter count, MACs/FLOPs per sample and layer table of <paramref name="spec"/>.</summary>
    public static ModelProfile Describe(ModelSpec spec) => ModelProfiler.Profile(spec);

    private static nn.Module<Tensor, Tensor> Build(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        return ModelArchitectures.Canonical(spec.Architecture) switch
        {
            ModelArchitectures.ComplexResNet50 => new ComplexResNet(spec),
            _ => new RealResNet(spec),
        };
    }

    private static (string Architecture, DatasetInfo? Dataset) Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var architecture, out var dataset)
            ? (architecture, dataset)
            : throw new ArgumentException($"unknown model '{name}' (known: {string.Join(", ", Names)}; or a family: {string.Join(", ", ModelArchitectures.All)})", nameof(name));
    }

    private static bool TryParse(string name, out string architecture, out DatasetInfo? dataset)
    {
        foreach (var family in ModelArchitectures.All)
        {
            if (string.Equals(name, family, StringComparison.OrdinalIgnoreCase))
            {
                architecture = family;
                dataset = null;
                return true;
            }

            if (name.Length > family.Length + 1
                && name.StartsWith(family, StringComparison.OrdinalIgnoreCase)
                && name[family.Length] == '_'
                && DatasetCatalog.TryGet(name[(family.Length + 1)..], out var info))
            {
                architecture = family;
                dataset = info;
                return true;
            }
        }

        architecture = string.Empty;
        dataset = null;
        return false;
    }
}
