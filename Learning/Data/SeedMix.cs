namespace CloudEdge.Learning.Data;

/// <summary>Derives independent 32-bit RNG seeds from a 64-bit user seed and a purpose constant.</summary>
internal static class SeedMix
{
    public static int ToInt32(long seed, long stream)
    {
        // SplitMix64 finaliser: distinct (seed, stream) pairs give unrelated seeds.
        var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }
}
