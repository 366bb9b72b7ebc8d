using CloudEdge.EdgeClient.Serving;
using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Tests.Serving;

public sealed class FileSourceTests
{
    [Fact]
    public async Task RunAsync_FileWithOwnClassOrder_FramesCarryCatalogLabelsThenTheEnd()
    {
        // Two classes in the file's own order: QPSK (catalog index 5) then BPSK (3).
        var data = new SignalDataset(new float[5 * 2 * 8], [0, 1, 0, 1, 1], [2, 4, 6, 8, 10], ["QPSK", "BPSK"], 8);
        var source = new FileSource(data, DatasetCatalog.Rml2016, frameSize: 2, rate: null, totalSamples: 7, TimeProvider.System);

        await source.RunAsync(TestContext.Current.CancellationToken);
        var messages = new List<DeviceMessage>();
        await foreach (var m in source.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            messages.Add(m);
        }

        var frames = messages.Where(m => m.Samples is not null).Select(m => m.Samples!).ToList();
        Assert.Equal([2, 2, 2, 1], frames.Select(f => f.Count));
        Assert.Equal([5, 3, 5, 3, 3, 5, 3], frames.SelectMany(f => f.Labels));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), frames.SelectMany(f => f.Ids));
        Assert.Equal(7, messages[^1].End!.SamplesSent);
        Assert.Equal((4L, 7L), (source.FramesAccepted, source.SamplesAccepted));
    }

    [Fact]
    public void Constructor_ClassOutsideTheDataset_Rejected()
    {
        var data = new SignalDataset(new float[2 * 8], [0], null, ["FM"], 8);

        Assert.Contains("'FM'", Assert.Throws<ArgumentException>(() => new FileSource(data, DatasetCatalog.Rml2016, 1, null, null, TimeProvider.System)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelMap_ModelKnowsSomeClasses_OthersAreUnlabelled()
    {
        var map = new LabelMap(DatasetCatalog.Rml2016.Classes, ["QAM16", "BPSK"]);

        Assert.Equal(0, map.Map(0));
        Assert.Equal(1, map.Map(3));
        Assert.Equal(-1, map.Map(1));
        Assert.Equal(-1, map.Map(99));
        Assert.Equal(2, map.Known);
    }
}
