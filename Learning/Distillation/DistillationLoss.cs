using CloudEdge.Learning.Data;
using CloudEdge.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Distillation;

/// <summary>
/// Knowledge-distillation objective (Hinton et al. 2015), as the reference system defines it:
/// <c>alpha·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1−alpha)·CE(s, y)</c>, with the teacher's logits <c>t</c> looked
/// up by the batch's sample indices in a cache fetched once (the teacher is frozen).
/// </summary>
public sealed class DistillationLoss : ILossFunction
{
    private readonly float[] _teacherLogits;
    private readonly int _classes;
    private readonly double _alpha;
    private readonly double _temperature;

    /// <param name="teacherLogits">Row-major <c>[N, classes]</c> teacher logits; row i belongs to training sample i.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="alpha">Weight of the distillation term in [0, 1].</param>
    /// <param name="temperature">Softmax temperature T &gt; 0.</param>
    public DistillationLoss(float[] teacherLogits, int classes, double alpha, double temperature)
    {
        ArgumentNullException.ThrowIfNull(teacherLogits);
        if (classes < 2 || teacherLogits.Length % classes != 0)
        {
            throw new ArgumentException($"teacher logits ({teacherLogits.Length} values) are not rows of {classes} classes", nameof(teacherLogits));
        }

        if (alpha is < 0 or > 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "--kd-alpha must be in [0, 1]");
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "--kd-temperature must be > 0");
        }

        _teacherLogits = teacherLogits;
        _classes = classes;
        _alpha = alpha;
        _temperature = temperature;
    }

    public int Rows => _teacherLogits.Length / _classes;

    public Tensor Compute(Tensor logits, TensorBatch batch)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(batch);
        if (logits.shape[1] != _classes)
        {
            throw new ArgumentException($"student has {logits.shape[1]} classes, the teacher {_classes}");
        }

        var rows = new float[batch.Count * _classes];
        for (var k = 0; k < batch.Count; k++)
        {
            var i = batch.Indices[k];
            if (i < 0 || i >= Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(batch), i, $"sample index outside the {Rows} cached teacher rows");
            }

            _teacherLogits.AsSpan(i * _classes, _classes).CopyTo(rows.AsSpan(k * _classes, _classes));
        }

        var teacher = torch.tensor(rows, [batch.Count, _classes]).to(logits.device);
        return Combine(logits, teacher, batch.Y, _alpha, _temperature);
    }

    /// <summary>The KD objective for student logits, teacher logits and labels (all <c>[B, C]</c> / <c>[B]</c>).</summary>
    public static Tensor Combine(Tensor student, Tensor teacher, Tensor labels, double alpha, double temperature)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        var logPs = nn.functional.log_softmax(student / temperature, 1);
        var logPt = nn.functional.log_softmax(teacher / temperature, 1);
        var kl = (logPt.exp() * (logPt - logPs)).sum(1).mean();
        var ce = nn.functional.cross_entropy(student, labels);
        return (alpha * temperature * temperature * kl) + ((1 - alpha) * ce);
    }
}
