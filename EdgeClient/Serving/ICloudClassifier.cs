namespace CloudEdge.EdgeClient.Serving;

/// <summary>The cloud as the serving pipeline sees it: classifies a batch of <c>[count, 2, length]</c> IQ samples.</summary>
public interface ICloudClassifier
{
    /// <summary>Predictions (model class indices) and confidences for <paramref name="count"/> samples.</summary>
    Task<CloudAnswer> ClassifyAsync(float[] iq, int length, int count, CancellationToken cancellationToken);
}
