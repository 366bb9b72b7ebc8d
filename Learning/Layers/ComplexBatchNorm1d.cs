using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Layers;

/// <summary>
/// Complex batch normalisation (Trabelsi et al. 2018, §3.5) on the <see cref="ComplexLayout"/> block
/// layout <c>[B, 2C, L]</c>. Each complex channel is centred and whitened with the inverse square root of
/// the 2×2 covariance of (re, im) over batch and length, then scaled by a learnable symmetric 2×2
/// <c>γ</c> (<c>γrr, γri, γii</c>) and shifted by a learnable complex <c>β</c>. Running mean and covariance
/// (momentum, unbiased as in PyTorch) are used in eval mode.
/// </summary>
/// <remarks>
/// State: <c>weight</c> <c>[3, C]</c> = (γrr, γri, γii), initialised to (1/√2, 0, 1/√2) so the output has
/// unit complex variance; <c>bias</c> <c>[2, C]</c> = (βr, βi); buffers <c>running_mean</c> <c>[2, C]</c> and
/// <c>running_covar</c> <c>[3, C]</c> = (Vrr, Vri, Vii). The whitening and γ are folded into one per-channel
/// 2×2 matrix <c>A = γ·V^(−1/2)</c> and offset <c>b = β − A·μ</c>, so the full-size work is
/// <c>y = A·x + b</c> (two fused multiply-adds and a channel swap), whatever the mode.
/// </remarks>
public sealed class ComplexBatchNorm1d : nn.Module<Tensor, Tensor>, IResettable
{
#pragma warning disable IDE0044 // TorchSharp replaces parameter and buffer fields when a module changes dtype or device.
    private Parameter weight;
    private Parameter bias;
    private Tensor running_mean;
    private Tensor running_covar;
#pragma warning restore IDE0044

    /// <summary>Creates the layer for <paramref name="numFeatures"/> complex channels.</summary>
    public ComplexBatchNorm1d(long numFeatures, double eps = 1e-5, double momentum = 0.1)
        : base(nameof(ComplexBatchNorm1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(momentum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(momentum, 1.0);
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        weight = new Parameter(empty(3, numFeatures));
        bias = new Parameter(empty(2, numFeatures));
        running_mean = empty(2, numFeatures);
        running_covar = empty(3, numFeatures);
        ResetParameters(null);
        RegisterComponents();
    }

    /// <summary>Complex channels <c>C</c>.</summary>
    public long NumFeatures { get; }

    /// <summary>Added to the diagonal of the covariance before whitening.</summary>
    public double Eps { get; }

    /// <summary>Weight of the current batch in the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>γ as rows (γrr, γri, γii), <c>[3, C]</c>.</summary>
    public Parameter Weight => weight;

    /// <summary>β as rows (βr, βi), <c>[2, C]</c>.</summary>
    public Parameter Bias => bias;

    /// <summary>Running mean as rows (μr, μi), <c>[2, C]</c>.</summary>
    public Tensor RunningMean => running_mean;

    /// <summary>Running covariance as rows (Vrr, Vri, Vii), <c>[3, C]</c>.</summary>
    public Tensor RunningCovariance => running_covar;

    /// <summary>γ = diag(1/√2), β = 0, running mean 0, running covariance identity. The generator is not needed.</summary>
    public void ResetParameters(Generator? generator)
    {
        using var noGrad = no_grad();
        var diagonal = 1.0 / Math.Sqrt(2.0);
        weight[0].fill_(diagonal);
        weight[1].fill_(0.0);
        weight[2].fill_(diagonal);
        bias.zero_();
        running_mean.zero_();
        running_covar[0].fill_(1.0);
        running_covar[1].fill_(0.0);
        running_covar[2].fill_(1.0);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != 2 * NumFeatures)
        {
            throw new ArgumentException($"ComplexBatchNorm1d expects [B, {2 * NumFeatures}, L] (block layout of {NumFeatures} complex channels), got [{string.Join(", ", input.shape)}]", nameof(input));
        }

        using var scope = NewDisposeScope();
        var c = NumFeatures;
        Tensor mr, mi, vrr, vri, vii;
        if (training)
        {
            var (variance, mean) = var_mean(input, [0, 2], unbiased: false);
            mr = mean.narrow(0, 0, c);
            mi = mean.narrow(0, c, c);
            vrr = variance.narrow(0, 0, c);
            vii = variance.narrow(0, c, c);
            var xr = input.narrow(1, 0, c);
            var xi = input.narrow(1, c, c);
            vri = (xr * xi).mean([0, 2]) - mr * mi;
            UpdateRunningStatistics(input.shape[0] * input.shape[2], mr, mi, vrr, vri, vii);
        }
        else
        {
            var mean = running_mean.to(ScalarType.Float32);
            var covar = running_covar.to(ScalarType.Float32);
            mr = mean[0];
            mi = mean[1];
            vrr = covar[0];
            vri = covar[1];
            vii = covar[2];
        }

        // Inverse square root of the SPD matrix V = [[vrr, vri], [vri, vii]] + eps·I (closed form):
        // s = sqrt(det V), t = sqrt(tr V + 2s), V^(-1/2) = [[vii + s, -vri], [-vri, vrr + s]] / (s·t).
        vrr = vrr + Eps;
        vii = vii + Eps;
        var s = (vrr * vii - vri * vri).clamp_min(0.0).sqrt();
        var t = (vrr + vii + 2.0 * s).sqrt();
        var inverse = (s * t).reciprocal();
        var wrr = (vii + s) * inverse;
        var wii = (vrr + s) * inverse;
        var wri = -vri * inverse;

        var gamma = weight.to(mr.dtype);
        var beta = bias.to(mr.dtype);
        var grr = gamma[0];
        var gri = gamma[1];
        var gii = gamma[2];
        // A = γ·W (both symmetric 2×2; A itself need not be).
        var arr = grr * wrr + gri * wri;
        var ari = grr * wri + gri * wii;
        var air = gri * wrr + gii * wri;
        var aii = gri * wri + gii * wii;
        var br = beta[0] - (arr * mr + ari * mi);
        var bi = beta[1] - (air * mr + aii * mi);

        // y = P ⊙ x + Q ⊙ swap(x) + b with P = [arr; aii], Q = [ari; air], swap(x) = [xi; xr].
        var p = cat([arr, aii], 0).to(input.dtype).view(1, 2 * c, 1);
        var q = cat([ari, air], 0).to(input.dtype).view(1, 2 * c, 1);
        var b = cat([br, bi], 0).to(input.dtype).view(1, 2 * c, 1);
        var swapped = input.roll(c, 1);
        var output = addcmul(addcmul(b, input, p, 1.0), swapped, q, 1.0);
        return output.MoveToOuterDisposeScope();
    }

    private void UpdateRunningStatistics(long count, Tensor mr, Tensor mi, Tensor vrr, Tensor vri, Tensor vii)
    {
        using var noGrad = no_grad();
        var unbiased = count > 1 ? count / (count - 1.0) : 1.0;
        var batchMean = stack([mr, mi], 0).to(running_mean.dtype);
        var batchCovar = (stack([vrr, vri, vii], 0) * unbiased).to(running_covar.dtype);
        running_mean.mul_(1.0 - Momentum).add_(batchMean, Momentum);
        running_covar.mul_(1.0 - Momentum).add_(batchCovar, Momentum);
    }
}
