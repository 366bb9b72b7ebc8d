#!/usr/bin/env python3
"""Writes the small numpy-made files the Signals tests read (tests/Signals.Tests/TestData).

    python3 make_testdata.py [out_dir]      (Debian: apt-get install python3-numpy)

Every float value is defined by a formula the C# tests recompute bit for bit (value_bits below), so
the committed files are checked against independent expectations, not against what the reader says.

Files:
  numpy_savez.npz             np.savez: X <f4 [6,2,16], y <i8, snr <i4, classes <U
  numpy_savez_compressed.npz  np.savez_compressed, same arrays
  numpy_converted.npz         X <f8 in Fortran order, y <i4, snr <i8, classes |S (bytes)
  rml2016_py3_p{0..5}.pkl     RadioML-2016 layout dict pickled by Python 3 numpy at protocols 0-5
  rml2016_py2_p{0,1,2}.pkl    the same as Python 2 cPickle writes it (STRING / BINSTRING byte strings)
  rml2016_np2_p{2,5}.pkl      the same with numpy 2 module names (numpy._core.*)
  rml2016_npint_p4.pkl        SNR keys as numpy int64 scalars
"""
import io
import os
import pickle
import struct
import sys
import types

import numpy as np

MODS = ["BPSK", "QAM16", "GMSK"]
SNRS = [-4, 10]
VECTORS, LENGTH = 2, 8


def value_bits(j, k):
    """float32 bit pattern of element k of array j: random mantissa and sign, magnitude in [2^-7, 2^-6)."""
    h = (k * 2654435761 + j * 40503 + 12345) % (1 << 32)
    return (h & 0x807FFFFF) | 0x3C000000


def array(j, shape):
    n = int(np.prod(shape))
    bits = np.array([value_bits(j, k) for k in range(n)], dtype=np.uint32)
    return bits.view(np.float32).reshape(shape)


def rml_dict(snr_type=int):
    d = {}
    for m, mod in enumerate(MODS):
        for s, snr in enumerate(SNRS):
            d[(mod, snr_type(snr))] = array(m * len(SNRS) + s, (VECTORS, 2, LENGTH))
    return d


def npz_arrays():
    x = array(100, (6, 2, 16))
    y = np.array([0, 1, 2, 0, 1, 2], dtype=np.int64)
    snr = np.array([-20, -2, 0, 4, 10, 18], dtype=np.int32)
    classes = np.array(["16QAM", "64QAM", "8PSK"])
    return x, y, snr, classes


def py2_repr(data):
    """repr() of a Python 2 str, as protocol 0 writes it after the STRING opcode."""
    quote = b'"' if b"'" in data and b'"' not in data else b"'"
    out = bytearray(quote)
    for ch in data:
        if ch == quote[0] or ch == 0x5C:
            out += b"\\" + bytes([ch])
        elif ch == 9:
            out += b"\\t"
        elif ch == 10:
            out += b"\\n"
        elif ch == 13:
            out += b"\\r"
        elif ch < 32 or ch >= 127:
            out += b"\\x%02x" % ch
        else:
            out.append(ch)
    return bytes(out + quote)


class Py2Pickler(pickle._Pickler):
    """Pickles str and bytes the way Python 2 cPickle pickled its str type."""

    dispatch = pickle._Pickler.dispatch.copy()

    def save_py2_str(self, obj):
        data = obj.encode("latin1") if isinstance(obj, str) else bytes(obj)
        if self.bin:
            if len(data) < 256:
                self.write(pickle.SHORT_BINSTRING + bytes([len(data)]) + data)
            else:
                self.write(pickle.BINSTRING + struct.pack("<i", len(data)) + data)
        else:
            self.write(pickle.STRING + py2_repr(data) + b"\n")
        self.memoize(obj)

    dispatch[str] = save_py2_str
    dispatch[bytes] = save_py2_str


def numpy2_names():
    """Stand-ins registered as numpy._core.* so the pickles name numpy 2's modules."""
    core = types.ModuleType("numpy._core")
    multiarray = types.ModuleType("numpy._core.multiarray")
    numeric = types.ModuleType("numpy._core.numeric")

    def _reconstruct(*args):
        raise AssertionError("stand-in only")

    def _frombuffer(*args):
        raise AssertionError("stand-in only")

    for fn, mod in ((_reconstruct, multiarray), (_frombuffer, numeric)):
        fn.__module__ = mod.__name__
        fn.__qualname__ = fn.__name__
        setattr(mod, fn.__name__, fn)
    sys.modules.update({"numpy._core": core, "numpy._core.multiarray": multiarray, "numpy._core.numeric": numeric})
    return {np.core.multiarray._reconstruct: _reconstruct, np.core.numeric._frombuffer: _frombuffer}


class Numpy2Pickler(pickle.Pickler):
    renames = None

    def __init__(self, file, protocol):
        super().__init__(file, protocol=protocol)
        self.protocol_number = protocol

    def reducer_override(self, obj):
        if type(obj) is np.ndarray:
            fn, args, *rest = obj.__reduce_ex__(self.protocol_number)
            return (self.renames.get(fn, fn), args, *rest)
        return NotImplemented


def dump(obj, pickler_class, protocol):
    buffer = io.BytesIO()
    pickler_class(buffer, protocol=protocol).dump(obj)
    return buffer.getvalue()


def main(out):
    os.makedirs(out, exist_ok=True)
    x, y, snr, classes = npz_arrays()
    np.savez(os.path.join(out, "numpy_savez.npz"), X=x, y=y, snr=snr, classes=classes)
    np.savez_compressed(os.path.join(out, "numpy_savez_compressed.npz"), X=x, y=y, snr=snr, classes=classes)
    np.savez(os.path.join(out, "numpy_converted.npz"), X=np.asfortranarray(x.astype(np.float64)),
             y=y.astype(np.int32), snr=snr.astype(np.int64), classes=classes.astype(np.bytes_))

    files = {}
    for protocol in range(6):
        files[f"rml2016_py3_p{protocol}.pkl"] = dump(rml_dict(), pickle.Pickler, protocol)
    for protocol in range(3):
        files[f"rml2016_py2_p{protocol}.pkl"] = dump(rml_dict(), Py2Pickler, protocol)
    Numpy2Pickler.renames = numpy2_names()
    for protocol in (2, 5):
        files[f"rml2016_np2_p{protocol}.pkl"] = dump(rml_dict(), Numpy2Pickler, protocol)
    files["rml2016_npint_p4.pkl"] = dump(rml_dict(np.int64), pickle.Pickler, 4)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    # Self-check: what can be loaded here must equal the dict it came from.
    for name, data in files.items():
        if "np2" in name:
            continue
        loaded = pickle.loads(data, encoding="latin1")
        expected = rml_dict()
        assert sorted(loaded) == sorted(expected), name
        for key, value in expected.items():
            assert np.array_equal(loaded[key].view(np.uint32), value.view(np.uint32)), (name, key)
    print(f"wrote {3 + len(files)} files to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
