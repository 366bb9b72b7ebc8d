using CloudEdge.Signals.Generation;
using CloudEdge.Signals.IO;
using CloudEdge.Signals.Tests.IO;

namespace CloudEdge.Signals.Tests.Generation;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Generate_SmallRml2016_WritesTheGeneratorsDatasetAsNpz()
    {
        var output = _temp.File("sub/rml.npz");

        var (code, stdout, stderr) = DeviceSimProcess.Run(
            "generate", "--dataset", "rml2016", "--samples-per-class", "5", "--snr-min", "0", "--snr-max", "4", "--seed", "3", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("wrote 30 samples", stdout, StringComparison.Ordinal);
        var loaded = NpzDataset.Load(output);
        var expected = GeneratorFactory.Create("rml2016").Generate(
            new GenerationRequest { SamplesPerClass = 5, Snrs = [0, 2, 4], Seed = 3 }, null, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Classes, loaded.Classes);
        Assert.Equal(expected.X, loaded.X);
        Assert.Equal(expected.Y, loaded.Y);
        Assert.Equal(expected.Snr, loaded.Snr);
    }

    [Fact]
    public void Generate_ClassSubsetAndLength_AreApplied()
    {
        var output = _temp.File("radar.npz");

        var (code, _, stderr) = DeviceSimProcess.Run(
            "generate", "--dataset", "radar", "--samples-per-class", "2", "--length", "512", "--classes", "P-8A_EW,E-2D_APY-9", "--out", output);

        Assert.True(code == 0, stderr);
        var loaded = NpzDataset.Load(output);
        Assert.Equal(["E-2D_APY-9", "P-8A_EW"], loaded.Classes);
        Assert.Equal(512, loaded.Length);
        Assert.Equal(4, loaded.Count);
    }

    [Theory]
    [InlineData("--dataset", "sonar")]
    [InlineData("--length", "100")]
    [InlineData("--snr-min", "10", "--snr-max", "0")]
    [InlineData("--classes", "BPSK,FSK")]
    [InlineData("--samples-per-class", "0")]
    [InlineData("--snr-step", "0")]
    public void Generate_BadOption_ExitsWithOneLineErrorAndWritesNothing(params string[] bad)
    {
        var output = _temp.File("bad.npz");
        var args = new List<string> { "generate", "--dataset", "rml2016", "--samples-per-class", "2", "--out", output };
        for (var i = 0; i < bad.Length; i += 2)
        {
            var at = args.IndexOf(bad[i]);
            if (at >= 0)
            {
                args[at + 1] = bad[i + 1];
            }
            else
            {
                args.AddRange([bad[i], bad[i + 1]]);
            }
        }

        if (bad[0] == "--length")
        {
            args[args.IndexOf("rml2016")] = "radar";
        }

        var (code, _, stderr) = DeviceSimProcess.Run([.. args]);

        Assert.Equal(2, code);
        var lines = stderr.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Bench_OneDatasetOneThread_PrintsItsThroughputRow()
    {
        var (code, stdout, stderr) = DeviceSimProcess.Run("bench", "--dataset", "link11", "--seconds", "0.2", "--warmup", "0.1", "--threads", "1", "--markdown");

        Assert.True(code == 0, stderr);
        Assert.Contains("| dataset | L | threads | samples | wall s | samples/s |", stdout, StringComparison.Ordinal);
        var row = Assert.Single(stdout.Split('\n'), l => l.StartsWith("| link11 | 1024 | 1 |", StringComparison.Ordinal));
        Assert.True(double.Parse(row.Split('|')[6], System.Globalization.CultureInfo.InvariantCulture) > 0, row);
    }
}
