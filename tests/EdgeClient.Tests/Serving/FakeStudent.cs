using CloudEdge.EdgeClient.Serving;

namespace CloudEdge.EdgeClient.Tests.Serving;

/// <summary>A student that reads its answer from the sample: value 0 is the prediction, value 1 the confidence.</summary>
internal sealed class FakeStudent : IEdgeClassifier
{
    public int InputLength => TestFrames.Length;

    public int Calls { get; private set; }

    public EdgeOutput Classify(float[] iq, int count)
    {
        Calls++;
        var size = 2 * InputLength;
        return new EdgeOutput([.. Enumerable.Range(0, count).Select(k => (int)iq[k * size])], [.. Enumerable.Range(0, count).Select(k => iq[(k * size) + 1])]);
    }
}
