using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CloudEdge.Signals.Data;

namespace CloudEdge.Signals.Tests.IO;

/// <summary>
/// Independent reference values of the shared fixtures: a numpy/h5py script (run live when available) and
/// the values it printed when these tests were written (so the comparison also runs without python).
/// The digest is "N sha256(X float32) sha256(y int64) sha256(snr int32)" over the samples in class order
/// (rml2016 catalog order), then SNR (pickle) or file row (HDF5) order.
/// </summary>
internal static class FixtureReference
{
    public const string Rml2016Pickle =
        "480 d377b59a46b064eb1497735f54cd8b1d47ca3f73f430ffd0dd7a1699449007af bea88ad003acff99a238e295354aa7ce047a27ca95ced20819b3673e309324c2 5d73a00315ee960f0832cbd63f48f3ca16d31d8df67840305ead18bc42afbff1";

    public const string Rml2018Hdf5 =
        "96 5fed39906337aa35a5bf9f51955cfcf8f4a8f23647ae1ef5a2498958d2e55433 e75652fe89080c577d099c89a7b20a36e5989a48d7ae48d9bc5368e021f5f836 e7b4db5f821f63a831d6f36f35d4aa25c17c0a166e4d7069b8f6667910ddccb6";

    /// <summary>Prints the digest of a fixture: argv = (pkl|h5, path).</summary>
    public const string Script = """
        import hashlib, pickle, sys
        import numpy as np
        catalog = ["16QAM", "64QAM", "8PSK", "BPSK", "GMSK", "QPSK"]
        raw = {"16QAM": "QAM16", "64QAM": "QAM64"}
        kind, path = sys.argv[1], sys.argv[2]
        xs, ys, snrs = [], [], []
        if kind == "pkl":
            d = pickle.load(open(path, "rb"), encoding="latin1")
            for label, name in enumerate(catalog):
                for snr in sorted(s for (m, s) in d if m == raw.get(name, name)):
                    a = d[(raw.get(name, name), snr)]
                    xs.append(a); ys.append(np.full(len(a), label)); snrs.append(np.full(len(a), snr))
        else:
            import h5py
            paper = ["OOK", "4ASK", "8ASK", "BPSK", "QPSK", "8PSK", "16PSK", "32PSK", "16APSK", "32APSK", "64APSK", "128APSK",
                     "16QAM", "32QAM", "64QAM", "128QAM", "256QAM", "AM-SSB-WC", "AM-SSB-SC", "AM-DSB-WC", "AM-DSB-SC", "FM", "GMSK", "OQPSK"]
            f = h5py.File(path, "r")
            X, Y, Z = f["X"][:], f["Y"][:], f["Z"][:]
            col = Y.argmax(1)
            for label, name in enumerate(catalog):
                rows = np.nonzero(col == paper.index(name))[0]
                xs.append(X[rows].transpose(0, 2, 1)); ys.append(np.full(len(rows), label)); snrs.append(Z[rows, 0])
        x = np.ascontiguousarray(np.concatenate(xs).astype("<f4"))
        y = np.concatenate(ys).astype("<i8")
        s = np.concatenate(snrs).astype("<i4")
        print(len(y), *(hashlib.sha256(a.tobytes()).hexdigest() for a in (x, y, s)))
        """;

    /// <summary>The same digest computed from a loaded dataset.</summary>
    public static string Digest(SignalDataset dataset) => string.Join(' ',
        dataset.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Sha(MemoryMarshal.AsBytes(dataset.X.AsSpan())),
        Sha(MemoryMarshal.AsBytes(dataset.Y.AsSpan())),
        Sha(MemoryMarshal.AsBytes((dataset.Snr ?? []).AsSpan())));

    private static string Sha(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
