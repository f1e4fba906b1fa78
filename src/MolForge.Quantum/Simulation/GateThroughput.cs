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
/// <param name="UpdateGBPerSecond">Bytes read + written per second by an in-place scale of a buffer of the same
/// size (STREAM "scale" done in place: the gate's own traffic pattern, without write-allocate of a second buffer).</param>
/// <param name="Threads">Worker blocks used by the kernels.</param>
/// <param name="Simd">True when the AVX2/FMA path ran.</param>
public sealed record GateThroughputResult(int Qubits, int Gates, double SecondsPerGate, double GateGBPerSecond, double CopyGBPerSecond,
    double UpdateGBPerSecond, int Threads, bool Simd)
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
        double updateRate = InPlaceBandwidth(state, minSeconds, settings);
        int threads = BlockParallel.BlockCount(1L << (qubits - 1), settings);
        return new GateThroughputResult(qubits, count, gateSeconds, bytes / gateSeconds / 1e9, copyRate, updateRate, threads, settings.UseSimd);
    }

    /// <summary>GB/s (read + write) of scaling the state's amplitudes in place, in the kernels' thread blocks.</summary>
    public static unsafe double InPlaceBandwidth(StateVector state, double minSeconds, KernelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        int amplitudes = state.Length;
        fixed (Complex* p = state.Amplitudes)
        {
            var body = new ScaleBody((nint)p);
            BlockParallel.For(amplitudes / 2, settings, body);
            int count = 0;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalSeconds < minSeconds || count < 3) { BlockParallel.For(amplitudes / 2, settings, body); count++; }
            return 2.0 * 16.0 * amplitudes / (sw.Elapsed.TotalSeconds / count) / 1e9;
        }
    }

    /// <summary>GB/s (read + write) of copying <paramref name="amplitudes"/> complex numbers, split in the same
    /// blocks over the same worker threads as the kernels.</summary>
    public static unsafe double CopyBandwidth(int amplitudes, double minSeconds, KernelSettings settings)
    {
        var a = GC.AllocateArray<Complex>(amplitudes, pinned: true);
        var b = GC.AllocateArray<Complex>(amplitudes, pinned: true);
        a.AsSpan().Fill(new Complex(1, 2));
        b.AsSpan().Clear();
        fixed (Complex* pa = a, pb = b)
        {
            var body = new CopyBody((nint)pa, (nint)pb);
            BlockParallel.For(amplitudes / 2, settings, body);
            int count = 0;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalSeconds < minSeconds || count < 3) { BlockParallel.For(amplitudes / 2, settings, body); count++; }
            return 2.0 * 16.0 * amplitudes / (sw.Elapsed.TotalSeconds / count) / 1e9;
        }
    }

    // Work items are pairs of amplitudes (as in the one-qubit kernel), so the blocks match the kernel's.
    private readonly unsafe struct CopyBody(nint from, nint to) : IRangeBody
    {
        public void Run(long start, long end) =>
            Buffer.MemoryCopy((Complex*)from + 2 * start, (Complex*)to + 2 * start, (end - start) * 32, (end - start) * 32);
    }

    private readonly unsafe struct ScaleBody(nint data) : IRangeBody
    {
        public void Run(long start, long end)
        {
            var f = new Vector<double>(0.9999999);
            for (long c = start; c < end; c += 1 << 20)
            {
                var d = new Span<double>((double*)data + 4 * c, (int)(4 * Math.Min(1 << 20, end - c)));
                var v = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Vector<double>>(d);
                for (int i = 0; i < v.Length; i++) v[i] *= f;
                for (int i = v.Length * Vector<double>.Count; i < d.Length; i++) d[i] *= 0.9999999;
            }
        }
    }
}
