namespace CloudEdge.Learning.Models;

/// <summary>One row of a <see cref="ModelProfile"/>: a layer's shape and its cost for one sample.</summary>
/// <param name="Name">The layer's state_dict prefix, e.g. <c>layer2.0.conv2</c>.</param>
/// <param name="Kind"><c>conv</c>, <c>bn</c>, <c>cconv</c> (complex convolution), <c>cbn</c> (complex batch norm), <c>pool</c>, <c>linear</c>.</param>
/// <param name="InChannels">Input channels (complex channels for complex layers).</param>
/// <param name="OutChannels">Output channels (complex channels for complex layers).</param>
/// <param name="Kernel">Kernel size (1 for element-wise layers and the linear head).</param>
/// <param name="Stride">Stride.</param>
/// <param name="OutLength">Output length (1 for the head).</param>
/// <param name="Parameters">Trainable parameters (buffers such as running statistics excluded).</param>
/// <param name="Macs">Real multiply-accumulates per sample in the forward pass (convolutions and the linear head; a complex convolution in block mode costs 4 real MACs per complex MAC).</param>
public sealed record LayerProfile(string Name, string Kind, long InChannels, long OutChannels, int Kernel, int Stride, long OutLength, long Parameters, long Macs);
