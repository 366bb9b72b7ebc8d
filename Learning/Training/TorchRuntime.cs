using TorchSharp;
using static TorchSharp.torch;

namespace CloudEdge.Learning.Training;

/// <summary>Process-wide torch settings: the default device (CUDA when present) and the CPU thread count.</summary>
public static class TorchRuntime
{
    private static int _threadsSet;

    /// <summary>CUDA when libtorch sees a GPU, otherwise the CPU.</summary>
    public static Device DefaultDevice { get; } = torch.cuda.is_available() ? CUDA : CPU;

    /// <summary>
    /// Sets torch's intra-op threads to <paramref name="threads"/> (default: one per logical processor) the first
    /// time it is called; later calls without an explicit count leave the setting alone.
    /// </summary>
    public static void ConfigureThreads(int? threads = null)
    {
        if (threads is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(threads));
            torch.set_num_threads(n);
            Interlocked.Exchange(ref _threadsSet, 1);
            return;
        }

        if (Interlocked.Exchange(ref _threadsSet, 1) == 0)
        {
            torch.set_num_threads(Math.Max(1, Environment.ProcessorCount));
        }
    }

    /// <summary>Parses <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>; throws <see cref="ArgumentException"/> otherwise or when CUDA is absent.</summary>
    public static Device ParseDevice(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return DefaultDevice;
        }

        if (string.Equals(name, "cpu", StringComparison.OrdinalIgnoreCase))
        {
            return CPU;
        }

        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase))
        {
            if (!torch.cuda.is_available())
            {
                throw new ArgumentException($"device '{name}': CUDA is not available on this machine");
            }

            return torch.device(name.ToLowerInvariant());
        }

        throw new ArgumentException($"device '{name}' is not one of auto, cpu, cuda, cuda:N");
    }
}
