namespace CloudEdge.Signals.Generation.Rml2016;

/// <summary>The six modulations of the rml2016 dataset.</summary>
internal enum Rml2016Modulation
{
    Qam16,
    Qam64,
    Psk8,
    Bpsk,
    Gmsk,
    Qpsk,
}
