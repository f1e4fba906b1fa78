using System.Diagnostics;
using System.Numerics;
using MolForge.Quantum.Simulation.Kernels;

namespace MolForge.Quantum.Simulation;

/// <summary>Result of <see cref="GateThroughput.Measure"/>.</summary>
/// <param name="Qubits">Register size.</param>
/// <param name="Gates">Gates timed.</param>
/// <param name="SecondsPerGate">Average wall time of one random one-qubit gate (all targets).</param>
/// <param name="GateGBPerSecond">Amplitude bytes read + written per second by the gates (2·16·2^n per gate).</param>
/// <param name="CopyGBPerSecond">Bytes read + written per second by a plain parallel copy of the same size.</param>
/// <param name="Threads">Worker blocks used by the kernels.</param>
/// <param name="Simd">True when the AVX2/FMA path ran.</param>
public sealed record GateThroughputResult(int Qubits, int Gates, double SecondsPerGate, double GateGBPerSecond, double CopyGBPerSecond,
    int Threads, bool Simd)
{
    /// <summary>Gate bandwidth as a fraction of copy bandwidth.</summary>
    public double FractionOfCopy => GateGBPerSecond / CopyGBPerSecond;
}

/// <summary>
/// Measures the state-vector gate kernel against the machine's memory bandwidth in the same run: random one-qubit
/// unitaries on every target in turn (each pass streams the whole state once: 16·2^n bytes read and written), and a
/// STREAM-like copy (McCalpin 1995) of a buffer of the same size split over the same number of threads.
/// </summary>
public static class GateThroughput
{
    /// <summary>Runs the measurement for at least <paramref name="minSeconds"/> per part.</summary>
    public static GateThroughputResult Measure(int qubits, double minSeconds = 1.0, int seed = 1, KernelSettings settings = default)
    {
        if (settings == default) settings = KernelSettings.Default;
        var state = new StateVector(qubits, settings);
        state.Randomize(new Random(seed));
        var rng = new Random(seed + 1);
        var gates = Enumerable.Range(0, 64).Select(_ => Matrix2.RandomUnitary(rng)).ToArray();
        // warm up (JIT, page faults)
        for (int t = 0; t < Math.Min(qubits, 4); t++) state.Apply(t, gates[t]);
        int count = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < minSeconds || count < qubits)
        {
            int target = count % qubits;
            state.Apply(target, gates[count & 63]);
            count++;
        }
        double gateSeconds = sw.Elapsed.TotalSeconds / count;
        double bytes = 2.0 * 16.0 * Math.Pow(2, qubits);
        double copyRate = CopyBandwidth(1 << qubits, minSeconds, settings);
        int threads = BlockParallel.BlockCount(1L << (qubits - 1), settings);
        return new GateThroughputResult(qubits, count, gateSeconds, bytes / gateSeconds / 1e9, copyRate, threads, settings.UseSimd);
    }

    /// <summary>GB/s (read + write) of copying <paramref name="amplitudes"/> complex numbers, split in the same
    /// blocks over threads as the kernels.</summary>
    public static double CopyBandwidth(int amplitudes, double minSeconds, KernelSettings settings)
    {
        var a = GC.AllocateArray<Complex>(amplitudes, pinned: true);
        var b = GC.AllocateArray<Complex>(amplitudes, pinned: true);
        a.AsSpan().Fill(new Complex(1, 2));
        b.AsSpan().Clear();
        int blocks = BlockParallel.BlockCount(amplitudes / 2, settings);
        void CopyOnce()
        {
            if (blocks <= 1) { a.AsSpan().CopyTo(b); return; }
            Parallel.For(0, blocks, k =>
            {
                int s = (int)((long)amplitudes * k / blocks), e = (int)((long)amplitudes * (k + 1) / blocks);
                a.AsSpan(s, e - s).CopyTo(b.AsSpan(s, e - s));
            });
        }
        CopyOnce();
        int count = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < minSeconds || count < 3) { CopyOnce(); count++; }
        double seconds = sw.Elapsed.TotalSeconds / count;
        return 2.0 * 16.0 * amplitudes / seconds / 1e9;
    }
}
