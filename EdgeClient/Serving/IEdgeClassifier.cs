namespace CloudEdge.EdgeClient.Serving;

/// <summary>The edge's model as the serving pipeline sees it.</summary>
public interface IEdgeClassifier
{
    /// <summary>Samples per IQ vector the model takes.</summary>
    int InputLength { get; }

    /// <summary>Classifies the first <paramref name="count"/> samples of row-major <c>[N, 2, L]</c> <paramref name="iq"/>.</summary>
    EdgeOutput Classify(float[] iq, int count);
}
