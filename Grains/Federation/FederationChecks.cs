using CloudEdge.Grains.Interfaces.Federation;
using CloudEdge.Learning.Checkpoints;
using CloudEdge.Learning.Federated;
using CloudEdge.Learning.Models;

namespace CloudEdge.Grains.Federation;

/// <summary>
/// The federation's admission rules: whether an edge may join (dataset, model family, class count, input length,
/// model layout, room) and whether a submission may enter the open round (membership, round, duplicate, decodable
/// finite weights of the right names and shapes, at least one example, finite metrics). Each answers a one-line reason.
/// </summary>
internal static class FederationChecks
{
    /// <summary>Null when <paramref name="request"/> may join <paramref name="state"/>'s federation, else the reason.</summary>
    public static string? Join(FederationState state, JoinRequest request, FederationConfig config)
    {
        if (string.IsNullOrWhiteSpace(request.EdgeId))
        {
            return "the edge id is empty";
        }

        var edge = request.EdgeId;
        var family = ModelRegistry.Family(config.EdgeModel);
        if (!string.Equals(request.Dataset, config.Dataset, StringComparison.OrdinalIgnoreCase))
        {
            return $"edge '{edge}' trains {request.Dataset} but the federation is for {config.Dataset}";
        }

        if (!ModelRegistry.IsKnown(request.ModelFamily) || !string.Equals(ModelRegistry.Family(request.ModelFamily), family, StringComparison.OrdinalIgnoreCase))
        {
            return $"edge '{edge}' runs a {request.ModelFamily} model but the federation trains {family} ({config.EdgeModel})";
        }

        if (request.NumClasses != config.NumClasses)
        {
            return $"edge '{edge}' has {request.NumClasses} classes but the federation's model has {config.NumClasses}";
        }

        var length = state.InputLength;
        if (length > 0 && request.InputLength != length)
        {
            return $"edge '{edge}' has samples of length {request.InputLength} but the federation's are {length}";
        }

        if (state.Layout is { } layout && !string.Equals(layout, request.Layout, StringComparison.Ordinal))
        {
            return $"edge '{edge}' has a model of another shape ({request.ModelShape}) than the federation's ({state.ModelShape}); every edge must use the same width and depth";
        }

        if (!state.Edges.ContainsKey(edge) && state.Edges.Count >= config.NumEdges)
        {
            return $"the federation is full: {config.NumEdges} edges have joined ({string.Join(", ", state.Edges.Keys.Order(StringComparer.Ordinal))}); edge '{edge}' is not one of them";
        }

        return null;
    }

    /// <summary>
    /// The outcome for <paramref name="s"/> with the reason when refused, and its decoded weights when accepted.
    /// <paramref name="reference"/> gives the weights submissions are checked against (null for the first one of round 0).
    /// </summary>
    public static (SubmitOutcome Outcome, string? Reason, ModelWeights? Weights) Admit(FederationState state, string id, Submission s, Func<ModelWeights?> reference)
    {
        var edge = s.EdgeId;
        if (state.Config is null)
        {
            return (SubmitOutcome.NotConfigured, $"federation '{id}' is not configured", null);
        }

        if (state.Finished)
        {
            return (SubmitOutcome.Finished, $"federation '{id}' has finished all {state.Config.NumRounds} rounds", null);
        }

        if (string.IsNullOrWhiteSpace(edge) || !state.Edges.ContainsKey(edge))
        {
            return (SubmitOutcome.UnknownEdge, $"edge '{edge}' has not joined federation '{id}'", null);
        }

        if (s.Round < state.Round)
        {
            return (SubmitOutcome.Stale, $"edge '{edge}' submitted to round {s.Round}, which is closed (round {state.Round} is open)", null);
        }

        if (s.Round > state.Round)
        {
            return (SubmitOutcome.Future, $"edge '{edge}' submitted to round {s.Round}, which is not open yet (round {state.Round} is open)", null);
        }

        if (state.Submissions.ContainsKey(edge))
        {
            return (SubmitOutcome.Duplicate, $"edge '{edge}' already submitted to round {state.Round}; the first submission counts", null);
        }

        if (s.Weights is null || s.Weights.Length == 0)
        {
            return (SubmitOutcome.Invalid, $"edge '{edge}' sent no weights", null);
        }

        ModelWeights weights;
        try
        {
            weights = ModelWeights.FromBytes(s.Weights);
        }
        catch (InvalidDataException e)
        {
            return (SubmitOutcome.Invalid, $"edge '{edge}': {e.Message}", null);
        }

        var reason = UpdateValidator.ValidateUpdate(reference() ?? weights, new ClientUpdate(edge, weights, s.Examples, s.Metrics));
        if (reason is not null)
        {
            return (SubmitOutcome.Invalid, reason, null);
        }

        return (SubmitOutcome.Accepted, null, weights);
    }
}
