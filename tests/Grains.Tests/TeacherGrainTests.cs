using CloudEdge.Grains.Interfaces;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Evaluation;

namespace CloudEdge.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TeacherGrainTests(ClusterFixture fixture)
{
    private const int Length = 128;

    private static SignalBatch Batch(int count, int seed, string dataset = "rml2016", int length = Length)
    {
        var random = new Random(seed);
        var iq = new float[count * 2 * length];
        for (var i = 0; i < iq.Length; i++)
        {
            iq[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return new SignalBatch(dataset, length, count, iq);
    }

    private Predictions Direct(SignalBatch batch)
    {
        var checkpoint = Checkpoint.Load(fixture.TeacherPath);
        using var model = checkpoint.CreateModel();
        return Predictor.Predict(model, batch.Iq, batch.Length, new PredictOptions { KeepLogits = true, KeepProbabilities = true, Normalization = checkpoint.Metadata.Normalization });
    }

    [Fact]
    public async Task Classify_Batch_MatchesTheModelRunDirectly()
    {
        var batch = Batch(16, 1);
        var teacher = fixture.Client.GetGrain<ITeacherGrain>("rml2016");

        var result = await teacher.Classify(batch, ClassifyOutput.Probabilities);

        var expected = Direct(batch);
        Assert.Equal(expected.Predicted.Select(p => (int)p), result.Predictions);
        Assert.Equal(6, result.Classes);
        Assert.Equal(16 * 6, result.Scores!.Length);
        for (var i = 0; i < expected.Probabilities!.Length; i++)
        {
            Assert.Equal(expected.Probabilities[i], result.Scores[i], 4);
        }

        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(expected.Confidence[i], result.Confidences[i], 4);
            Assert.Equal(result.Scores.Skip(i * 6).Take(6).Max(), result.Confidences[i], 4);
        }
    }

    [Fact]
    public async Task SoftLabels_Batch_ReturnsRawLogits()
    {
        var batch = Batch(8, 2);
        var logits = await fixture.Client.GetGrain<ITeacherGrain>("rml2016").SoftLabels(batch);

        var expected = Direct(batch);
        Assert.Equal(8, logits.Count);
        Assert.Equal(6, logits.Classes);
        for (var i = 0; i < expected.Logits!.Length; i++)
        {
            Assert.Equal(expected.Logits[i], logits.Logits[i], 3);
        }
    }

    [Fact]
    public async Task Describe_RegisteredTeacher_ReportsDatasetClassesAndArchitecture()
    {
        var info = await fixture.Client.GetGrain<ITeacherGrain>("rml2016").Describe();
        Assert.Equal("rml2016", info.Dataset);
        Assert.Equal(["16QAM", "64QAM", "8PSK", "BPSK", "GMSK", "QPSK"], info.Classes);
        Assert.Equal("complex_resnet50", info.Architecture);
        Assert.Equal(Length, info.InputLength);
        Assert.True(info.Parameters > 0);
    }

    [Fact]
    public async Task Classify_MalformedBatches_RejectedAndGrainStaysHealthy()
    {
        var teacher = fixture.Client.GetGrain<ITeacherGrain>("rml2016");
        var nan = Batch(4, 3);
        nan.Iq[7] = float.NaN;
        var cases = new (SignalBatch Batch, string Expect)[]
        {
            (Batch(4, 3, length: 64), "length 64"),
            (Batch(4, 3, dataset: "radar"), "'radar'"),
            (new SignalBatch("rml2016", Length, 5, new float[4 * 2 * Length]), "5 samples of [2, 128] need"),
            (new SignalBatch("rml2016", Length, 0, []), "0 samples"),
            (nan, "NaN"),
        };
        foreach (var (batch, expect) in cases)
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => teacher.Classify(batch, ClassifyOutput.Predictions));
            Assert.Contains(expect, error.Message, StringComparison.Ordinal);
        }

        var ok = await teacher.Classify(Batch(2, 4), ClassifyOutput.Predictions);
        Assert.Equal(2, ok.Predictions.Length);
    }

    [Fact]
    public async Task Classify_UnknownDataset_ClearError()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.GetGrain<ITeacherGrain>("link11").Classify(Batch(1, 5, "link11", 1024), ClassifyOutput.Predictions));
        Assert.Contains("no teacher for dataset 'link11'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_ManyConcurrentCallers_EachGetsItsOwnCorrectAnswer()
    {
        var teacher = fixture.Client.GetGrain<ITeacherGrain>("rml2016");
        var batches = Enumerable.Range(0, 24).Select(i => Batch(1 + (i % 5), 100 + i)).ToList();

        var results = await Task.WhenAll(batches.Select(b => teacher.Classify(b, ClassifyOutput.Logits)));

        for (var i = 0; i < batches.Count; i++)
        {
            var expected = Direct(batches[i]);
            Assert.Equal(expected.Predicted.Select(p => (int)p), results[i].Predictions);
            Assert.Equal(batches[i].Count * 6, results[i].Scores!.Length);
        }
    }
}
