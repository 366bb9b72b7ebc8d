using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;

namespace CloudEdge.Silo.Federation;

/// <summary>
/// Federation settings of the cloud host, bound from the "Federation" section (command line, appsettings.json,
/// CLOUDEDGE_Federation__* environment): where federation state is kept and, when <see cref="Enabled"/>, the one
/// federation the silo configures as it starts (the reference's cloud FL flags).
/// </summary>
public sealed class FederationHostOptions
{
    public const string Section = "Federation";

    /// <summary>Folder of the file-backed grain storage (federation state survives a silo restart).</summary>
    public string StateDir { get; set; } = "state";

    /// <summary>Configure a federation at start.</summary>
    public bool Enabled { get; set; }

    /// <summary>Start the federation afresh even when it runs with another configuration.</summary>
    public bool Reset { get; set; }

    /// <summary>Federation id; null = <c>{dataset}-{edge model}</c>.</summary>
    public string? Id { get; set; }

    public string Dataset { get; set; } = DatasetCatalog.Rml2016.Id;

    /// <summary>Student preset; null = <c>real_resnet20_{dataset}</c>.</summary>
    public string? EdgeModel { get; set; }

    /// <summary>Class count; 0 = the dataset's.</summary>
    public int NumClasses { get; set; }

    /// <summary>Samples per vector; 0 = set by the first edge that joins.</summary>
    public int InputLength { get; set; }

    public int NumEdges { get; set; } = 3;

    /// <summary>Fewest submissions that close a round at its deadline; 0 = all edges.</summary>
    public int MinEdges { get; set; }

    public int NumRounds { get; set; } = 10;

    public int LocalEpochs { get; set; } = 1;

    public double LearningRate { get; set; } = 0.001;

    public string Strategy { get; set; } = FedAvgStrategy.StrategyName;

    public double Mu { get; set; } = StrategySettings.DefaultProximalMu;

    public double Trim { get; set; } = StrategySettings.DefaultTrimFraction;

    public double RoundDeadlineSeconds { get; set; } = 600;

    /// <summary>The federation id and configuration these settings describe (defaults filled in).</summary>
    public (string Id, FederationConfig Config) ToConfig()
    {
        var dataset = DatasetCatalog.Get(Dataset);
        var preset = EdgeModel ?? ModelRegistry.PresetName(ModelArchitectures.RealResNet20, dataset);
        var config = new FederationConfig(dataset.Id, preset, NumClasses > 0 ? NumClasses : dataset.Classes.Count, InputLength, NumEdges,
            MinEdges > 0 ? MinEdges : NumEdges, NumRounds, LocalEpochs, LearningRate, Strategy, Mu, Trim, RoundDeadlineSeconds);
        return (Id ?? FederationConfig.DefaultId(dataset.Id, preset), config);
    }
}
