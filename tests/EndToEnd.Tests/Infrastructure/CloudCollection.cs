namespace CloudEdge.EndToEnd.Tests.Infrastructure;

/// <summary>Tests that share one running silo.</summary>
[CollectionDefinition(Name)]
public sealed class CloudCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "cloud";
}
