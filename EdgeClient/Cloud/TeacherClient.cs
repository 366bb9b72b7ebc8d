using CloudEdge.Grains.Interfaces;
using CloudEdge.Learning.Models;
using CloudEdge.Signals.Data;

namespace CloudEdge.EdgeClient.Cloud;

/// <summary>The edge's view of the cloud teacher for one dataset: every call goes through the <see cref="CloudLink"/>.</summary>
public sealed class TeacherClient(IGrainFactory grains, CloudLink link, string dataset)
{
    private readonly ITeacherGrain _grain = grains.GetGrain<ITeacherGrain>(dataset);

    /// <summary>Teacher calls made for soft labels (one per batch).</summary>
    public int SoftLabelCalls { get; private set; }

    public Task<TeacherInfo> DescribeAsync(CancellationToken cancellationToken) =>
        link.CallAsync("describe", 0, () => _grain.Describe(), i => 64L + (i.Classes.Sum(c => c.Length) * 2L), cancellationToken);

    public Task<ClassifyResult> ClassifyAsync(SignalBatch batch, ClassifyOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return link.CallAsync("classify", batch.PayloadBytes, () => _grain.Classify(batch, output), r => r.PayloadBytes, cancellationToken);
    }

    /// <summary>Teacher logits <c>[N, C]</c> for every sample of <paramref name="data"/>, fetched in batches of <paramref name="batchSize"/>.</summary>
    public async Task<(float[] Logits, int Classes)> SoftLabelsAsync(SignalDataset data, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        float[]? all = null;
        var classes = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, data.Count - start);
            var batch = new SignalBatch(dataset, data.Length, count, data.X.AsSpan(start * data.SampleSize, count * data.SampleSize).ToArray());
            var result = await link.CallAsync("soft_labels", batch.PayloadBytes, () => _grain.SoftLabels(batch), r => r.PayloadBytes, cancellationToken).ConfigureAwait(false);
            SoftLabelCalls++;
            if (result.Count != count)
            {
                throw new InvalidOperationException($"teacher answered {result.Count} rows for a batch of {count}");
            }

            classes = result.Classes;
            all ??= new float[(long)data.Count * classes];
            result.Logits.CopyTo(all, (long)start * classes);
        }

        return (all ?? [], classes);
    }

    /// <summary>
    /// The reference system's rule that the edge must match the cloud: same dataset, same classes in the same order,
    /// the expected class count, and a student preset for the teacher's dataset. Throws before any training.
    /// </summary>
    public static void EnsureCompatible(TeacherInfo teacher, DatasetInfo dataset, IReadOnlyList<string> dataClasses, int? numClasses, string studentPreset, int inputLength)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(dataClasses);
        if (!string.Equals(teacher.Dataset, dataset.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"the cloud teacher is for {teacher.Dataset}, this edge trains {dataset.Id}");
        }

        if (numClasses is { } n && n != teacher.Classes.Length)
        {
            throw new ArgumentException($"--num-classes is {n} but the cloud teacher has {teacher.Classes.Length} classes");
        }

        if (!teacher.Classes.SequenceEqual(dataClasses))
        {
            throw new ArgumentException($"the edge's classes ({string.Join(", ", dataClasses)}) differ from the teacher's ({string.Join(", ", teacher.Classes)})");
        }

        if (teacher.InputLength != inputLength)
        {
            throw new ArgumentException($"the edge's samples have length {inputLength}, the teacher takes {teacher.InputLength}");
        }

        if (ModelRegistry.DatasetOf(studentPreset) is { } studentDataset && studentDataset.Id != teacher.Dataset)
        {
            throw new ArgumentException($"--edge-model {studentPreset} is for {studentDataset.Id}, the cloud teacher for {teacher.Dataset}");
        }
    }
}
