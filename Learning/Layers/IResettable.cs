using TorchSharp;

namespace CloudEdge.Learning.Layers;

/// <summary>A layer that can (re-)initialise its parameters and buffers from a given random generator.</summary>
public interface IResettable
{
    /// <summary>Initialises parameters and buffers; <paramref name="generator"/> null = torch's global generator.</summary>
    void ResetParameters(torch.Generator? generator);
}
