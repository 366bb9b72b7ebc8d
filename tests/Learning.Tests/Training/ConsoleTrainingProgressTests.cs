using CloudEdge.Learning.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Training;

public sealed class ConsoleTrainingProgressTests
{
    [Fact]
    public void Fit_RedirectedOutput_WritesOnePlainLinePerEpoch()
    {
        using var output = new StringWriter();
        var progress = new ConsoleTrainingProgress("unit", Console(output, interactive: false), interactive: false);
        using var model = new TinyNet(3);

        new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 16, Device = CPU }, progress)
            .Fit(model, ToneData.Create(10), ToneData.Create(3, seed: 4), cancellationToken: TestContext.Current.CancellationToken);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.False(progress.Interactive);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("unit epoch 3/3: loss ", lines[2], StringComparison.Ordinal);
        Assert.Contains("val loss", lines[0], StringComparison.Ordinal);
        Assert.Contains("samples/s", lines[0], StringComparison.Ordinal);
        Assert.Contains("ETA 0:00:00", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_InteractiveConsole_DrawsABarPerEpoch()
    {
        using var output = new StringWriter();
        var progress = new ConsoleTrainingProgress("bar", Console(output, interactive: true), interactive: true);
        using var model = new TinyNet(3);

        new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 16, Device = CPU }, progress)
            .Fit(model, ToneData.Create(10), cancellationToken: TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(progress.Interactive);
        Assert.Contains("bar epoch 1/2", text, StringComparison.Ordinal);
        Assert.Contains("bar epoch 2/2", text, StringComparison.Ordinal);
        Assert.Contains("100%", text, StringComparison.Ordinal);
    }

    private static IAnsiConsole Console(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Yes : AnsiSupport.No,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }
}
