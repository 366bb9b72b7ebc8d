using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using Orleans.TestingHost;
using static CloudEdge.Grains.Tests.Federation.FederationTestData;

namespace CloudEdge.Grains.Tests.Federation;

/// <summary>The federation survives a whole silo restart: a second cluster on the same state folder resumes it.</summary>
public sealed class FederationRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudedge-fedrestart-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task State_SiloStoppedAndStartedAgain_FederationResumesWhereItWas()
    {
        const string Id = "rml2016-real_resnet20_rml2016";
        FederationStatus before;
        await using (var first = await StartCluster())
        {
            var grain = first.Client.GetGrain<IFederationGrain>(Id);
            await grain.Configure(Config(edges: 2, min: 2, rounds: 3), reset: false);
            await grain.Join(Join("e1"));
            await grain.Join(Join("e2"));
            await grain.Submit(Submit("e1", 0, Weights(1)));
            await grain.Submit(Submit("e2", 0, Weights(3)));
            await grain.Submit(Submit("e1", 1, Weights(5)));
            before = await grain.GetStatus();
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await StartCluster();
        var resumed = second.Client.GetGrain<IFederationGrain>(Id);
        var after = await resumed.GetStatus();

        Assert.Equal(1, after.Round);
        Assert.Equal(before.Config, after.Config);
        Assert.Equal(["e1"], after.Submitted);
        Assert.Equal(["e1", "e2"], after.Edges.Select(e => e.EdgeId));
        Assert.Single(after.History);
        Assert.Equal(before.GlobalModelBytes, after.GlobalModelBytes);
        var rejoin = await resumed.Join(Join("e1"));
        Assert.True(rejoin.SubmittedThisRound);

        var closing = await resumed.Submit(Submit("e2", 1, Weights(7)));
        Assert.True(closing.Aggregated);
        var global = ModelWeights.FromBytes((await resumed.GetRoundModel("e2")).Weights);
        Assert.All(global["conv.weight"].Float32!, v => Assert.Equal(6f, v, 6));
    }

    private async Task<InProcessTestCluster> StartCluster()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services.AddFederationGrains(_folder));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
