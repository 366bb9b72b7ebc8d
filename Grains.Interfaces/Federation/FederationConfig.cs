namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// How a federation runs, set on the cloud side (<c>Silo run --num-edges ...</c> or <c>Silo federation configure</c>)
/// and handed to every edge that joins. Round 0 collects the edges' starting weights; rounds 1..<see cref="NumRounds"/>
/// train. A round aggregates when all <see cref="NumEdges"/> edges have submitted, or at its deadline with at least
/// <see cref="MinEdges"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("CloudEdge.FederationConfig")]
public sealed record FederationConfig(
    [property: Id(0)] string Dataset,
    [property: Id(1)] string EdgeModel,
    [property: Id(2)] int NumClasses,
    [property: Id(3)] int InputLength,
    [property: Id(4)] int NumEdges,
    [property: Id(5)] int MinEdges,
    [property: Id(6)] int NumRounds,
    [property: Id(7)] int LocalEpochs,
    [property: Id(8)] double LearningRate,
    [property: Id(9)] string Strategy,
    [property: Id(10)] double Mu,
    [property: Id(11)] double TrimFraction,
    [property: Id(12)] double RoundDeadlineSeconds)
{
    /// <summary>The default federation id: <c>{dataset}-{edge preset}</c>, e.g. <c>rml2016-real_resnet20_rml2016</c>.</summary>
    public static string DefaultId(string dataset, string edgeModel) => $"{dataset}-{edgeModel}";

    /// <summary>The round deadline as a time span.</summary>
    public TimeSpan RoundDeadline => TimeSpan.FromSeconds(RoundDeadlineSeconds);
}
