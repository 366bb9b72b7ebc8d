using CloudEdge.Experiments.Runner;

namespace CloudEdge.Experiments.Scenarios;

/// <summary>The device stream of scenarios 3 and 4: the same seed, length and pace, so both modes see the same samples.</summary>
public static class DeviceArgs
{
    public static List<string> Stream(ExperimentConfig config, string mode, int port)
    {
        ArgumentNullException.ThrowIfNull(config);
        var target = mode == "edge" ? new[] { "--edge-host", "127.0.0.1", "--edge-port", $"{port}" } : ["--cloud-host", "127.0.0.1", "--cloud-port", $"{port}"];
        return
        [
            "stream", "--mode", mode, "--dataset-type", config.Dataset, .. target, "--total-samples", $"{config.Preset.StreamSamples}",
            "--batch-size", "50", "--rate", $"{config.Preset.StreamRate}", "--seed", $"{config.Seed + 1000}",
        ];
    }
}
