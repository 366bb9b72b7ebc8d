using CloudEdge.Signals.Data;

namespace CloudEdge.Learning.Data;

/// <summary>A dataset cut into a training part and a held-out validation part.</summary>
/// <param name="Train">Samples to train on.</param>
/// <param name="Validation">Held-out samples.</param>
/// <param name="TrainIndices">Index in the source dataset of each training sample.</param>
/// <param name="ValidationIndices">Index in the source dataset of each validation sample.</param>
public sealed record HoldoutSplit(SignalDataset Train, SignalDataset Validation, IReadOnlyList<int> TrainIndices, IReadOnlyList<int> ValidationIndices)
{
    /// <summary>
    /// Holds out <paramref name="ratio"/> of every class (rounded, at least one sample of each class that has
    /// two or more), chosen by a shuffle seeded with <paramref name="seed"/>. Within a class the samples are
    /// ordered by SNR first when SNRs are known, so the held-out part covers the SNR range evenly.
    /// </summary>
    public static HoldoutSplit Stratified(SignalDataset dataset, double ratio, long seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(ratio > 0 && ratio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "validation ratio must be between 0 and 1 (exclusive)");
        }

        var rng = new Random(SeedMix.ToInt32(seed, 0x5EED_5A11));
        var train = new List<int>();
        var validation = new List<int>();
        for (var c = 0; c < dataset.Classes.Count; c++)
        {
            var members = Enumerable.Range(0, dataset.Count).Where(i => dataset.Y[i] == c).ToArray();
            rng.Shuffle(members);
            if (dataset.Snr is { } snr)
            {
                // Stable sort by SNR keeps the shuffle within each SNR; taking every k-th sample then spreads
                // the held-out part over all SNRs.
                members = [.. members.OrderBy(i => snr[i])];
            }

            var take = members.Length < 2 ? 0 : Math.Clamp((int)Math.Round(members.Length * ratio), 1, members.Length - 1);
            var picked = new bool[members.Length];
            for (var k = 0; k < take; k++)
            {
                picked[(int)((k + 0.5) * members.Length / take)] = true;
            }

            for (var k = 0; k < members.Length; k++)
            {
                (picked[k] ? validation : train).Add(members[k]);
            }
        }

        train.Sort();
        validation.Sort();
        return new HoldoutSplit(dataset.Subset(train), dataset.Subset(validation), train, validation);
    }
}
