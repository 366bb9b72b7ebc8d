using CloudEdge.Learning.Data;
using CloudEdge.Learning.Evaluation;
using CloudEdge.Learning.Tests.Training;
using Spectre.Console;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Tests.Evaluation;

public sealed class PredictorTests
{
    [Fact]
    public void Predict_BatchSizes_GiveTheSameAnswersAsOneBatch()
    {
        var data = ToneData.Create(7);
        using var model = new TinyNet(3);

        var whole = Predictor.Predict(model, data, new PredictOptions { BatchSize = 1000, KeepLogits = true, KeepProbabilities = true }, TestContext.Current.CancellationToken);
        var pieces = Predictor.Predict(model, data, new PredictOptions { BatchSize = 4, KeepLogits = true }, TestContext.Current.CancellationToken);

        Assert.Equal(whole.Predicted, pieces.Predicted);
        Assert.Equal(data.Count * 3, whole.Logits!.Length);
        for (var i = 0; i < whole.Logits.Length; i++)
        {
            Assert.Equal(whole.Logits[i], pieces.Logits![i], 4);
        }

        Assert.Null(pieces.Probabilities);
        for (var i = 0; i < data.Count; i++)
        {
            var probabilities = whole.Probabilities.AsSpan(i * 3, 3).ToArray();
            Assert.Equal(1.0, probabilities.Sum(), 4);
            Assert.Equal(probabilities.Max(), whole.Confidence[i], 5);
            Assert.Equal(Array.IndexOf(probabilities, probabilities.Max()), (int)whole.Predicted[i]);
        }
    }

    [Fact]
    public void Predict_RestoresTrainingModeAndIgnoresBatchStatistics()
    {
        var data = ToneData.Create(4);
        using var model = new TinyNet(3);
        model.train();

        var single = Predictor.Predict(model, data.Subset([0]), new PredictOptions { KeepLogits = true }, TestContext.Current.CancellationToken);
        var all = Predictor.Predict(model, data, new PredictOptions { KeepLogits = true }, TestContext.Current.CancellationToken);

        Assert.True(model.training);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(single.Logits![k], all.Logits![k], 5);
        }
    }

    [Fact]
    public void Predict_NormalisationNone_DiffersFromUnitPowerOnScaledInput()
    {
        var data = ToneData.Create(3);
        var scaled = new CloudEdge.Signals.Data.SignalDataset(data.X.Select(v => v * 50).ToArray(), data.Y, data.Snr, data.Classes, data.Length);
        using var model = new TinyNet(3);

        var unit = Predictor.Predict(model, data, new PredictOptions { KeepLogits = true }, TestContext.Current.CancellationToken);
        var unitScaled = Predictor.Predict(model, scaled, new PredictOptions { KeepLogits = true }, TestContext.Current.CancellationToken);
        var raw = Predictor.Predict(model, scaled, new PredictOptions { KeepLogits = true, Normalization = InputNormalization.None }, TestContext.Current.CancellationToken);

        for (var i = 0; i < unit.Logits!.Length; i++)
        {
            Assert.Equal(unit.Logits[i], unitScaled.Logits![i], 3);
        }

        Assert.NotEqual(unit.Logits, raw.Logits!);
    }

    [Fact]
    public void Evaluate_ThenWriteTables_PrintsEverySection()
    {
        var data = ToneData.Create(6);
        using var model = new TinyNet(3);
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        console.Profile.Width = 160;

        var report = ModelEvaluator.Evaluate(model, data, cancellationToken: TestContext.Current.CancellationToken);
        ReportTables.Write(console, report, "tones");

        Assert.Equal(data.Count, report.N);
        Assert.Equal(data.Count, report.Confusion.Sum(r => r.Sum()));
        Assert.Contains("per class", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("per SNR", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("confusion", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("tone2", output.ToString(), StringComparison.Ordinal);
    }
}
