namespace CloudEdge.Grains.Tests;

/// <summary>Grain tests sharing one test cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
