using System.Numerics;
using System.Runtime.Intrinsics;
using CloudEdge.Signals.Generation.Dsp;

namespace CloudEdge.Signals.Generation.Link11;

/// <summary>
/// The Link-11 conventional waveform (CLEW, MIL-STD-188-203-1A) at complex baseband: 16 audio tones as the
/// upper sideband of the suppressed carrier. Tone 0 is the unmodulated 605 Hz Doppler tone; tones 1–14 are the
/// data tones 935 … 2365 Hz (110 Hz apart); tone 15 is the 2915 Hz data / sync tone. A message is a 5-frame
/// preamble (605 Hz and 2915 Hz only, the 2915 Hz tone reversing phase each frame), one phase-reference frame
/// (all tones), then data frames in which each data tone advances its phase by π/4 + k·π/2 for a random dibit k
/// (π/4-DQPSK, 2 bits per tone per frame, 30 bits per frame). Frame-to-frame phase changes pass through a
/// raised-cosine transition of the modem's output filter.
/// </summary>
internal static class ClewModem
{
    public const int ToneCount = 16;

    public const int PreambleFrames = 5;

    /// <summary>Frequency of tone <paramref name="tone"/> in Hz.</summary>
    public static double ToneFrequency(int tone) => tone switch
    {
        0 => 605,
        15 => 2915,
        _ => 935 + (110 * (tone - 1)),
    };

    /// <summary>
    /// Writes the CLEW signal into <paramref name="tx"/>: sample m lies <c>(m − origin)/sampleRate</c> seconds
    /// after the vector start, which is <paramref name="startFrame"/> frames into the message.
    /// </summary>
    /// <param name="tx">Output (overwritten).</param>
    /// <param name="origin">Index of the vector's first sample in <paramref name="tx"/>.</param>
    /// <param name="sampleRate">Hz.</param>
    /// <param name="framePeriod">Samples per frame.</param>
    /// <param name="startFrame">Position of sample <paramref name="origin"/> in the message, frames (≥ origin / framePeriod).</param>
    /// <param name="transition">Phase-transition duration, samples.</param>
    /// <param name="toneAmplitudes">Amplitude of each of the 16 tones.</param>
    /// <param name="rng">Randomness (initial phases, data).</param>
    public static void Synthesize(Span<Complex> tx, int origin, double sampleRate, double framePeriod, double startFrame, double transition, ReadOnlySpan<double> toneAmplitudes, ref Xoshiro256 rng)
    {
        var n = tx.Length;
        var tauFirst = startFrame - (origin / framePeriod);
        var jFirst = (int)Math.Floor(tauFirst);
        var jLast = (int)Math.Floor(tauFirst + ((n - 1) / framePeriod));
        var frames = jLast - jFirst + 2; // frames jFirst − 1 … jLast
        var ws = Workspace.Current;

        // Phasors of each tone per frame, slot-major: re/im at (slot·16) + tone, slot = j − jFirst + 1.
        var phRe = ws.Real(3, ToneCount * frames);
        var phIm = ws.Real(4, ToneCount * frames);
        phRe.Clear();
        phIm.Clear();
        Span<double> theta = stackalloc double[ToneCount];
        for (var t = 0; t < ToneCount; t++)
        {
            theta[t] = rng.NextPhase();
        }

        for (var j = 0; j <= jLast; j++)
        {
            if (j > PreambleFrames)
            {
                for (var t = 1; t < ToneCount; t++)
                {
                    theta[t] += (Math.PI / 4) + (Math.PI / 2 * rng.NextInt(4));
                }
            }
            else if (j > 0 && j < PreambleFrames)
            {
                theta[15] += Math.PI;
            }

            var slot = j - jFirst + 1;
            if (slot < 0)
            {
                continue;
            }

            for (var t = 0; t < ToneCount; t++)
            {
                if (t == 0 || t == 15 || j >= PreambleFrames)
                {
                    var (sin, cos) = Math.SinCos(theta[t]);
                    phRe[(slot * ToneCount) + t] = toneAmplitudes[t] * cos;
                    phIm[(slot * ToneCount) + t] = toneAmplitudes[t] * sin;
                }
            }
        }

        // Tone oscillators, four tones per vector register, advanced together: s[m] = Σ_t P_t(frame) · e^{jω_t·m}.
        Span<Vector256<double>> oscRe = stackalloc Vector256<double>[ToneCount / 4];
        Span<Vector256<double>> oscIm = stackalloc Vector256<double>[ToneCount / 4];
        Span<Vector256<double>> rotRe = stackalloc Vector256<double>[ToneCount / 4];
        Span<Vector256<double>> rotIm = stackalloc Vector256<double>[ToneCount / 4];
        Span<double> scratch = stackalloc double[4 * ToneCount];
        for (var t = 0; t < ToneCount; t++)
        {
            var w0 = 2 * Math.PI * ToneFrequency(t) / sampleRate;
            (scratch[ToneCount + t], scratch[t]) = Math.SinCos(-w0 * origin);
            (scratch[(3 * ToneCount) + t], scratch[(2 * ToneCount) + t]) = Math.SinCos(w0);
        }

        for (var q = 0; q < ToneCount / 4; q++)
        {
            oscRe[q] = Vector256.Create<double>(scratch.Slice(4 * q, 4));
            oscIm[q] = Vector256.Create<double>(scratch.Slice(ToneCount + (4 * q), 4));
            rotRe[q] = Vector256.Create<double>(scratch.Slice((2 * ToneCount) + (4 * q), 4));
            rotIm[q] = Vector256.Create<double>(scratch.Slice((3 * ToneCount) + (4 * q), 4));
        }

        for (var m = 0; m < n; m++)
        {
            var tau = tauFirst + (m / framePeriod);
            var j = (int)Math.Floor(tau);
            var into = (tau - j) * framePeriod;
            var cur = (j - jFirst + 1) * ToneCount;
            var w = into >= transition ? 1 : 0.5 * (1 - Math.Cos(Math.PI * into / transition));
            var accRe = Vector256<double>.Zero;
            var accIm = Vector256<double>.Zero;
            for (var q = 0; q < ToneCount / 4; q++)
            {
                var pr = Vector256.Create<double>(phRe.Slice(cur + (4 * q), 4));
                var pi = Vector256.Create<double>(phIm.Slice(cur + (4 * q), 4));
                if (w < 1)
                {
                    // Raised-cosine passage from the previous frame's phasor to this one's.
                    var before = cur - ToneCount + (4 * q);
                    pr = (pr * w) + (Vector256.Create<double>(phRe.Slice(before, 4)) * (1 - w));
                    pi = (pi * w) + (Vector256.Create<double>(phIm.Slice(before, 4)) * (1 - w));
                }

                var or = oscRe[q];
                var oi = oscIm[q];
                accRe += (pr * or) - (pi * oi);
                accIm += (pr * oi) + (pi * or);
                oscRe[q] = (or * rotRe[q]) - (oi * rotIm[q]);
                oscIm[q] = (or * rotIm[q]) + (oi * rotRe[q]);
            }

            tx[m] = new Complex(Vector256.Sum(accRe), Vector256.Sum(accIm));
        }
    }
}
