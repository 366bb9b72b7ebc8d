using CloudEdge.Learning.Data;
using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Tests.Training;

public sealed class DataTests
{
    [Fact]
    public void Stratified_Split_HoldsOutTheRatioOfEveryClassDisjointly()
    {
        var data = ToneData.Create(50, classes: 4);

        var split = HoldoutSplit.Stratified(data, 0.2, 5);

        Assert.Equal(data.Count, split.Train.Count + split.Validation.Count);
        Assert.Empty(split.TrainIndices.Intersect(split.ValidationIndices));
        Assert.All(split.Validation.ClassCounts(), count => Assert.Equal(10, count));
        Assert.All(split.Train.ClassCounts(), count => Assert.Equal(40, count));
        Assert.Equal(data.Snr!.Distinct().Order(), split.Validation.Snr!.Distinct().Order());
        for (var k = 0; k < split.Validation.Count; k++)
        {
            Assert.Equal(data.Sample(split.ValidationIndices[k]).ToArray(), split.Validation.Sample(k).ToArray());
        }
    }

    [Fact]
    public void Stratified_SameSeed_SameSplitAndOtherSeedDiffers()
    {
        var data = ToneData.Create(30);

        var a = HoldoutSplit.Stratified(data, 0.3, 1);
        var b = HoldoutSplit.Stratified(data, 0.3, 1);
        var c = HoldoutSplit.Stratified(data, 0.3, 2);

        Assert.Equal(a.ValidationIndices, b.ValidationIndices);
        Assert.NotEqual(a.ValidationIndices, c.ValidationIndices);
    }

    [Fact]
    public void Stratified_TinyClass_KeepsAtLeastOneSampleOnEachSide()
    {
        var data = ToneData.Create(2, classes: 2);

        var split = HoldoutSplit.Stratified(data, 0.1, 1);

        Assert.Equal([1, 1], split.Validation.ClassCounts());
        Assert.Equal([1, 1], split.Train.ClassCounts());
    }

    [Fact]
    public void MakeBatch_UnitPower_GivesNormalisedFloatInputsAndInt64Labels()
    {
        var data = ToneData.Create(4, classes: 2, length: 32);
        var loader = new BatchLoader(data, 3, InputNormalization.UnitPower);

        using var batch = loader.MakeBatch([5, 0, 2]);

        Assert.Equal(new long[] { 3, 2, 32 }, batch.X.shape);
        Assert.Equal(TorchSharp.torch.ScalarType.Float32, batch.X.dtype);
        Assert.Equal(TorchSharp.torch.ScalarType.Int64, batch.Y.dtype);
        Assert.Equal(new[] { data.Y[5], data.Y[0], data.Y[2] }, batch.Y.data<long>().ToArray());
        var power = batch.X.square().sum([1, 2]).div(32).data<float>().ToArray();
        Assert.All(power, p => Assert.Equal(1.0, p, 4));
    }

    [Fact]
    public void EpochOrder_SeededShuffle_CoversEverySampleOnceAndRepeatsForTheSeed()
    {
        var loader = new BatchLoader(ToneData.Create(11), 4, InputNormalization.None);

        var first = loader.EpochOrder(new Random(3)).ToList();
        var again = loader.EpochOrder(new Random(3)).SelectMany(b => b).ToArray();
        var plain = loader.EpochOrder(null).SelectMany(b => b).ToArray();

        Assert.Equal(loader.BatchCount, first.Count);
        Assert.Single(first[^1]);
        Assert.Equal(Enumerable.Range(0, 33), first.SelectMany(b => b).Order());
        Assert.Equal(first.SelectMany(b => b), again);
        Assert.Equal(Enumerable.Range(0, 33), plain);
    }

    [Theory]
    [InlineData("QAM16", "16QAM")]
    [InlineData("qam64", "64QAM")]
    [InlineData("PAM4", "4PAM")]
    [InlineData("8PSK", "8PSK")]
    [InlineData("AM-DSB", "AMDSB")]
    [InlineData("E-2D_1", "E2D1")]
    public void Canonical_RadioMlAndCatalogNames_Match(string name, string canonical)
    {
        Assert.Equal(canonical, ClassNames.Canonical(name));
    }

    [Fact]
    public void Select_FileWithRadioMlNamesAndExtraClasses_RelabelsToModelOrderAndListsSkipped()
    {
        string[] fileClasses = ["BPSK", "QAM16", "WBFM", "QAM64"];
        var source = new SignalDataset(new float[8 * 2 * 4], [0, 1, 2, 3, 0, 1, 2, 3], [0, 2, 4, 6, 8, 10, 12, 14], fileClasses, 4);

        var selection = ClassSelection.Select(source, ["16QAM", "64QAM", "8PSK", "BPSK", "GMSK", "QPSK"]);

        Assert.Equal(["WBFM"], selection.SkippedClasses);
        Assert.Equal(2, selection.SkippedSamples);
        Assert.Equal([3L, 0, 1, 3, 0, 1], selection.Data.Y);
        Assert.Equal([0, 2, 6, 8, 10, 14], selection.Data.Snr!);
        Assert.Equal(6, selection.Data.Classes.Count);
    }

    [Fact]
    public void Select_NoCommonClass_ThrowsInvalidData()
    {
        var source = new SignalDataset(new float[2 * 2 * 4], [0, 0], null, ["WBFM"], 4);

        var error = Assert.Throws<InvalidDataException>(() => ClassSelection.Select(source, ["BPSK", "QPSK"]));

        Assert.Contains("WBFM", error.Message, StringComparison.Ordinal);
    }
}
