using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Data;
using CloudEdge.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Federated;

/// <summary>
/// FedProx's client objective: the wrapped loss plus <c>(mu/2)·Σₚ ||wₚ − wₚ_global||²</c> over the model's
/// trainable parameters (buffers such as batch-norm statistics are not regularised). Its gradient with respect to
/// a parameter is the inner gradient plus <c>mu·(w − w_global)</c>. The global weights are held as detached
/// tensors (no gradient, outside any dispose scope) and follow the parameters to their device; dispose the loss
/// after training to release them.
/// </summary>
public sealed class FedProxLoss : ILossFunction, IDisposable
{
    private readonly ILossFunction _inner;
    private readonly nn.Module _model;
    private readonly Dictionary<string, Tensor> _anchors = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Anchors the proximal term at <paramref name="global"/> (which must fit every parameter of the model).</summary>
    /// <param name="inner">The loss being regularised (cross-entropy, KD, ...).</param>
    /// <param name="model">The model being trained; its parameters are looked up by name at every step.</param>
    /// <param name="global">The round's global weights.</param>
    /// <param name="mu">Proximal coefficient, finite and ≥ 0.</param>
    public FedProxLoss(ILossFunction inner, nn.Module model, ModelWeights global, double mu)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(global);
        CheckMu(mu);
        (_inner, _model, Mu) = (inner, model, mu);
        try
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (!global.TryGet(name, out var anchor))
                {
                    throw new ArgumentException($"FedProx: the global weights lack parameter '{name}' of the model");
                }

                if (anchor.DType != WeightDType.Float32 || !anchor.Shape.AsSpan().SequenceEqual(parameter.shape))
                {
                    throw new ArgumentException(
                        $"FedProx: global weight '{name}' is {anchor.DType} {anchor.ShapeText} but the model's parameter is {parameter.dtype} [{string.Join(", ", parameter.shape)}]");
                }

                _anchors[name] = torch.tensor(anchor.Float32!, anchor.Shape, parameter.dtype, parameter.device).DetachFromDisposeScope();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Anchors the proximal term at the model's current parameters (load the global weights first).</summary>
    public FedProxLoss(ILossFunction inner, nn.Module model, double mu)
        : this(inner, model, ModelWeights.FromModule(model ?? throw new ArgumentNullException(nameof(model))), mu)
    {
    }

    /// <summary>The proximal coefficient.</summary>
    public double Mu { get; }

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, TensorBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var loss = _inner.Compute(logits, batch);
        return Mu == 0 ? loss : loss + (ProximalTerm() * (Mu / 2));
    }

    /// <summary>
    /// <c>Σₚ ||wₚ − wₚ_global||²</c> over the parameters that currently require gradients: a scalar attached to the
    /// graph (created in the caller's dispose scope).
    /// </summary>
    public Tensor ProximalTerm()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Tensor? sum = null;
        foreach (var (name, parameter) in _model.named_parameters())
        {
            if (!parameter.requires_grad)
            {
                continue;
            }

            if (!_anchors.TryGetValue(name, out var anchor))
            {
                throw new InvalidOperationException($"FedProx: parameter '{name}' appeared after the loss was created");
            }

            anchor = Follow(name, anchor, parameter);
            var square = (parameter - anchor).square().sum();
            sum = sum is null ? square : sum + square;
        }

        return sum ?? torch.zeros([], ScalarType.Float32);
    }

    /// <summary>Releases the global-weight tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var anchor in _anchors.Values)
        {
            anchor.Dispose();
        }

        _anchors.Clear();
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="mu"/> is finite and ≥ 0.</summary>
    internal static void CheckMu(double mu)
    {
        if (!(double.IsFinite(mu) && mu >= 0))
        {
            throw new ArgumentException($"FedProx mu must be finite and non-negative (got {mu})");
        }
    }

    /// <summary>Moves an anchor to the parameter's device and element type when the model was moved (e.g. by the trainer).</summary>
    private Tensor Follow(string name, Tensor anchor, Tensor parameter)
    {
        if (anchor.device_type == parameter.device_type && anchor.device_index == parameter.device_index && anchor.dtype == parameter.dtype)
        {
            return anchor;
        }

        var moved = anchor.to(parameter.dtype, parameter.device).DetachFromDisposeScope();
        anchor.Dispose();
        _anchors[name] = moved;
        return moved;
    }
}
