using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>
/// Dense one-qubit gate ψ' = (I ⊗ … ⊗ U ⊗ … ⊗ I) ψ over a span of amplitudes, stateless (qulacs
/// update_ops_single_qubit_dense_matrix). Amplitude pairs (b, b | 2^t) with bit t of b clear: for t ≥ 1 they come in
/// contiguous runs of 2^t, processed two amplitudes per Vector256 (AVX2 + FMA); t = 0 pairs are neighbours and are
/// combined inside one register by lane permutes. Scalar fallback for other CPUs and leftovers.
/// </summary>
public static unsafe class SingleQubitKernel
{
    /// <summary>Applies <paramref name="m"/> to qubit <paramref name="target"/> of the state.</summary>
    public static void Apply(Span<Complex> state, int target, in Matrix2 m, KernelSettings settings = default)
    {
        Check(state.Length, target);
        fixed (Complex* p = state)
            BlockParallel.For(state.Length / 2, settings, new Body((nint)p, target, m, settings.UseSimd));
    }

    internal static void Check(int length, int target)
    {
        if (length < 2 || !BitOperations.IsPow2(length)) throw new ArgumentException($"State length {length} is not a power of two ≥ 2.");
        int n = BitOperations.Log2((uint)length);
        if ((uint)target >= (uint)n) throw new ArgumentOutOfRangeException(nameof(target), target, $"Qubit {target} is outside the {n}-qubit register.");
    }

    private readonly struct Body(nint psi, int target, Matrix2 m, bool simd) : IRangeBody
    {
        public void Run(long start, long end) => ApplyRange((Complex*)psi, target, m, start, end, simd);
    }

    /// <summary>Applies the gate to the pairs with index k in [k0, k1) (pair k = amplitude k with a zero inserted at bit t).</summary>
    internal static void ApplyRange(Complex* psi, int t, in Matrix2 m, long k0, long k1, bool simd)
    {
        if (t == 0)
        {
            long k = k0;
            if (simd)
            {
                RunAdjacentSimd((double*)(psi + 2 * k), k1 - k, m);
                return;
            }
            for (; k < k1; k++) Pair(psi + 2 * k, psi + 2 * k + 1, m);
            return;
        }
        long half = 1L << t;
        long kk = k0;
        while (kk < k1)
        {
            long inner = kk & (half - 1);
            long b0 = ((kk >> t) << (t + 1)) | inner;
            long run = Math.Min(k1 - kk, half - inner);
            Run(psi + b0, psi + b0 + half, run, m, simd);
            kk += run;
        }
    }

    /// <summary>Applies the gate to <paramref name="count"/> pairs (lo[i], hi[i]) stored contiguously.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Run(Complex* lo, Complex* hi, long count, in Matrix2 m, bool simd)
    {
        long i = 0;
        if (simd && count >= 2)
        {
            var m00r = Vector256.Create(m.M00.Real); var m00i = Alt(m.M00.Imaginary);
            var m01r = Vector256.Create(m.M01.Real); var m01i = Alt(m.M01.Imaginary);
            var m10r = Vector256.Create(m.M10.Real); var m10i = Alt(m.M10.Imaginary);
            var m11r = Vector256.Create(m.M11.Real); var m11i = Alt(m.M11.Imaginary);
            for (; i + 2 <= count; i += 2)
            {
                double* pl = (double*)(lo + i), ph = (double*)(hi + i);
                var a = Avx.LoadVector256(pl);
                var b = Avx.LoadVector256(ph);
                var sa = Avx.Permute(a, 0b0101);
                var sb = Avx.Permute(b, 0b0101);
                var na = Fma.MultiplyAdd(m00r, a, Fma.MultiplyAdd(m00i, sa, Fma.MultiplyAdd(m01r, b, Avx.Multiply(m01i, sb))));
                var nb = Fma.MultiplyAdd(m10r, a, Fma.MultiplyAdd(m10i, sa, Fma.MultiplyAdd(m11r, b, Avx.Multiply(m11i, sb))));
                Avx.Store(pl, na);
                Avx.Store(ph, nb);
            }
        }
        for (; i < count; i++) Pair(lo + i, hi + i, m);
    }

    /// <summary>Target qubit 0: each Vector256 holds one pair [a0, a1]; out = [m00 a0 + m01 a1, m10 a0 + m11 a1].</summary>
    private static void RunAdjacentSimd(double* p, long pairs, in Matrix2 m)
    {
        var c0r = Vector256.Create(m.M00.Real, m.M00.Real, m.M10.Real, m.M10.Real);
        var c0i = Vector256.Create(-m.M00.Imaginary, m.M00.Imaginary, -m.M10.Imaginary, m.M10.Imaginary);
        var c1r = Vector256.Create(m.M01.Real, m.M01.Real, m.M11.Real, m.M11.Real);
        var c1i = Vector256.Create(-m.M01.Imaginary, m.M01.Imaginary, -m.M11.Imaginary, m.M11.Imaginary);
        for (long k = 0; k < pairs; k++, p += 4)
        {
            var v = Avx.LoadVector256(p);
            var lo = Avx2.Permute4x64(v, 0b01_00_01_00);   // [a0, a0]
            var hi = Avx2.Permute4x64(v, 0b11_10_11_10);   // [a1, a1]
            var los = Avx.Permute(lo, 0b0101);
            var his = Avx.Permute(hi, 0b0101);
            var r = Fma.MultiplyAdd(c0r, lo, Fma.MultiplyAdd(c0i, los, Fma.MultiplyAdd(c1r, hi, Avx.Multiply(c1i, his))));
            Avx.Store(p, r);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Alt(double im) => Vector256.Create(-im, im, -im, im);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Pair(Complex* a, Complex* b, in Matrix2 m)
    {
        double ar = ((double*)a)[0], ai = ((double*)a)[1], br = ((double*)b)[0], bi = ((double*)b)[1];
        double m00r = m.M00.Real, m00i = m.M00.Imaginary, m01r = m.M01.Real, m01i = m.M01.Imaginary;
        double m10r = m.M10.Real, m10i = m.M10.Imaginary, m11r = m.M11.Real, m11i = m.M11.Imaginary;
        ((double*)a)[0] = m00r * ar - m00i * ai + m01r * br - m01i * bi;
        ((double*)a)[1] = m00r * ai + m00i * ar + m01r * bi + m01i * br;
        ((double*)b)[0] = m10r * ar - m10i * ai + m11r * br - m11i * bi;
        ((double*)b)[1] = m10r * ai + m10i * ar + m11r * bi + m11i * br;
    }
}
