using CloudEdge.EdgeClient.Cloud;
using CloudEdge.Grains.Interfaces;

namespace CloudEdge.EdgeClient.Serving;

/// <summary>
/// The real cloud: the teacher grain reached through the <see cref="TeacherClient"/> (so through the rate-limited,
/// counted, retrying <see cref="CloudLink"/>). The teacher's classes were checked to be the edge model's at start.
/// </summary>
public sealed class TeacherCloudClassifier(TeacherClient teacher, string dataset) : ICloudClassifier
{
    public async Task<CloudAnswer> ClassifyAsync(float[] iq, int length, int count, CancellationToken cancellationToken)
    {
        var result = await teacher.ClassifyAsync(new SignalBatch(dataset, length, count, iq), ClassifyOutput.Predictions, cancellationToken).ConfigureAwait(false);
        if (result.Predictions.Length != count || result.Confidences.Length != count)
        {
            throw new InvalidOperationException($"the teacher answered {result.Predictions.Length} predictions for a batch of {count}");
        }

        return new CloudAnswer(result.Predictions, result.Confidences);
    }
}
