using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudEdge.Grains.Interfaces.Federation;

/// <summary>
/// A short fingerprint of a model's state layout — every tensor's name, element type and shape, in order — so that a
/// federation can refuse an edge whose model could never be averaged with the others before any training happens.
/// </summary>
public static class WeightLayout
{
    /// <summary>Hex SHA-256 (first 16 bytes) over <c>name:dtype:[d0,d1,...]</c> lines.</summary>
    public static string Fingerprint(IEnumerable<(string Name, string DType, long[] Shape)> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var text = new StringBuilder();
        foreach (var (name, dtype, shape) in tensors)
        {
            text.Append(name).Append(':').Append(dtype).Append(":[")
                .AppendJoin(',', shape.Select(d => d.ToString(CultureInfo.InvariantCulture))).Append("]\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}
