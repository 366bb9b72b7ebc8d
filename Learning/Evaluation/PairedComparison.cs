using System.Text.Json.Serialization;

namespace CloudEdge.Learning.Evaluation;

/// <summary>
/// Two classifiers scored on the same samples, sample by sample: how often each is right where the other is
/// wrong, the accuracy difference with a 95 % confidence interval (paired Wald interval) and McNemar's exact
/// test (two-sided binomial test on the discordant samples). It says whether a small accuracy gap between two
/// models on one test set is more than chance.
/// </summary>
public sealed record PairedComparison
{
    [JsonPropertyName("n")]
    public required int N { get; init; }

    /// <summary>Accuracy of the first model (<c>--model</c>).</summary>
    [JsonPropertyName("accuracy")]
    public required double Accuracy { get; init; }

    /// <summary>Accuracy of the second model (<c>--versus</c>).</summary>
    [JsonPropertyName("versus_accuracy")]
    public required double VersusAccuracy { get; init; }

    /// <summary><see cref="Accuracy"/> − <see cref="VersusAccuracy"/>.</summary>
    [JsonPropertyName("difference")]
    public required double Difference { get; init; }

    /// <summary>95 % confidence interval of <see cref="Difference"/>: [low, high].</summary>
    [JsonPropertyName("difference_ci95")]
    public required IReadOnlyList<double> DifferenceCi95 { get; init; }

    [JsonPropertyName("both_correct")]
    public required int BothCorrect { get; init; }

    /// <summary>Samples the first model gets right and the second wrong.</summary>
    [JsonPropertyName("only_model_correct")]
    public required int OnlyModelCorrect { get; init; }

    /// <summary>Samples the second model gets right and the first wrong.</summary>
    [JsonPropertyName("only_versus_correct")]
    public required int OnlyVersusCorrect { get; init; }

    [JsonPropertyName("both_wrong")]
    public required int BothWrong { get; init; }

    /// <summary>Two-sided p-value of McNemar's exact test (1 when the models never disagree on correctness).</summary>
    [JsonPropertyName("mcnemar_p")]
    public required double McNemarP { get; init; }

    /// <summary>Compares the predictions of two models on the same labelled samples.</summary>
    public static PairedComparison Compute(ReadOnlySpan<long> labels, ReadOnlySpan<long> predicted, ReadOnlySpan<long> versusPredicted)
    {
        if (predicted.Length != labels.Length || versusPredicted.Length != labels.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {predicted.Length} and {versusPredicted.Length} predictions");
        }

        int both = 0, onlyModel = 0, onlyVersus = 0, neither = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var (a, b) = (predicted[i] == labels[i], versusPredicted[i] == labels[i]);
            if (a && b)
            {
                both++;
            }
            else if (a)
            {
                onlyModel++;
            }
            else if (b)
            {
                onlyVersus++;
            }
            else
            {
                neither++;
            }
        }

        var n = labels.Length;
        var (low, high) = DifferenceInterval(onlyModel, onlyVersus, n);
        return new PairedComparison
        {
            N = n,
            Accuracy = n == 0 ? 0 : (double)(both + onlyModel) / n,
            VersusAccuracy = n == 0 ? 0 : (double)(both + onlyVersus) / n,
            Difference = n == 0 ? 0 : (double)(onlyModel - onlyVersus) / n,
            DifferenceCi95 = [low, high],
            BothCorrect = both,
            OnlyModelCorrect = onlyModel,
            OnlyVersusCorrect = onlyVersus,
            BothWrong = neither,
            McNemarP = McNemarExactP(onlyModel, onlyVersus),
        };
    }

    /// <summary>
    /// McNemar's exact test: under "both models are equally accurate" each of the <c>b + c</c> discordant
    /// samples favours either model with probability ½, so p = P(|X − (b+c)/2| ≥ |b − (b+c)/2|), X ~ Bin(b+c, ½).
    /// </summary>
    public static double McNemarExactP(int onlyModel, int onlyVersus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyModel);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyVersus);
        var n = onlyModel + onlyVersus;
        if (n == 0 || onlyModel == onlyVersus)
        {
            return 1.0;
        }

        var tail = Math.Min(onlyModel, onlyVersus);

        // log P(X = k) by the recurrence C(n, k+1) = C(n, k) (n − k) / (k + 1), summed with log-sum-exp.
        var logTerm = -n * Math.Log(2);
        var logSum = logTerm;
        for (var k = 0; k < tail; k++)
        {
            logTerm += Math.Log(n - k) - Math.Log(k + 1);
            logSum = LogAdd(logSum, logTerm);
        }

        return Math.Min(1.0, 2 * Math.Exp(logSum));
    }

    /// <summary>Paired Wald interval of the accuracy difference (b − c) / n.</summary>
    private static (double Low, double High) DifferenceInterval(int onlyModel, int onlyVersus, int n)
    {
        if (n == 0)
        {
            return (0, 0);
        }

        var d = (double)(onlyModel - onlyVersus) / n;
        var variance = (onlyModel + onlyVersus - ((double)(onlyModel - onlyVersus) * (onlyModel - onlyVersus) / n)) / ((double)n * n);
        var half = 1.959963984540054 * Math.Sqrt(Math.Max(0, variance));
        return (d - half, d + half);
    }

    private static double LogAdd(double a, double b)
    {
        var (hi, lo) = a >= b ? (a, b) : (b, a);
        return hi + Math.Log(1 + Math.Exp(lo - hi));
    }
}
