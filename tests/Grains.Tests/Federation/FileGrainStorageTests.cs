using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CloudEdge.Grains.Tests.Federation;

public sealed class FileGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("federation", "rml2016-real_resnet20_rml2016");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudedge-filestore-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FileGrainStorage NewStorage() => new("federation", _folder, _services.GetRequiredService<Serializer>());

    private static FederationState Sample(int round) => new()
    {
        Config = FederationTestData.Config(),
        Round = round,
        GlobalWeights = [1, 2, 3, 4],
        Edges = { ["e1"] = new EdgeMembership("e1", DateTimeOffset.UnixEpoch, 42, 0, 1) },
    };

    [Fact]
    public async Task WriteThenRead_NewStorageInstance_ReturnsTheSameStateAndVersion()
    {
        var written = new GrainState<FederationState>(Sample(3));
        await NewStorage().WriteStateAsync("state", Grain, written);

        var read = new GrainState<FederationState>(new FederationState());
        await NewStorage().ReadStateAsync("state", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal(3, read.State.Round);
        Assert.Equal(written.State!.Config, read.State!.Config);
        Assert.Equal([1, 2, 3, 4], read.State.GlobalWeights);
        Assert.Equal(42, read.State.Edges["e1"].Examples);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Read_NoFile_LeavesStateAndReportsNoRecord()
    {
        var state = new GrainState<FederationState>(new FederationState { Round = 7 });
        await NewStorage().ReadStateAsync("state", Grain, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(7, state.State!.Round);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentState()
    {
        var storage = NewStorage();
        var mine = new GrainState<FederationState>(Sample(1));
        await storage.WriteStateAsync("state", Grain, mine);
        var other = new GrainState<FederationState>(new FederationState());
        await storage.ReadStateAsync("state", Grain, other);
        await storage.WriteStateAsync("state", Grain, other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Grain, mine));
        var fresh = new GrainState<FederationState>(Sample(9));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Grain, fresh));
    }

    [Fact]
    public async Task Read_CorruptFile_ThrowsInvalidDataNamingTheFile()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("state", Grain, new GrainState<FederationState>(Sample(1)));
        var path = storage.PathOf("state", Grain);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadStateAsync("state", Grain, new GrainState<FederationState>(new FederationState())));
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_ExistingState_DeletesTheFile()
    {
        var storage = NewStorage();
        var state = new GrainState<FederationState>(Sample(1));
        await storage.WriteStateAsync("state", Grain, state);

        await storage.ClearStateAsync("state", Grain, state);

        Assert.False(File.Exists(storage.PathOf("state", Grain)));
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public void PathOf_KeysWithUnsafeCharacters_StayInsideTheFolderAndDistinct()
    {
        var storage = NewStorage();
        var a = storage.PathOf("state", GrainId.Create("federation", "../../etc/passwd"));
        var b = storage.PathOf("state", GrainId.Create("federation", "__.._etc_passwd"));
        Assert.StartsWith(storage.Folder, Path.GetFullPath(a), StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }
}
