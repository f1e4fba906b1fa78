using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MolForge.Quantum.Simulation.Kernels;

/// <summary>
/// Two-qubit kernels (qulacs update_ops_control_single / update_ops_two_qubit_dense_matrix): the work items are the
/// 2^(n−2) basis indices with both qubits' bits clear, enumerated by inserting two zero bits; they come in contiguous
/// runs of 2^min(q0,q1), which the Vector256 path processes two at a time.
/// </summary>
public static unsafe class TwoQubitKernel
{
    /// <summary>Controlled-U: applies <paramref name="u"/> to <paramref name="target"/> where <paramref name="control"/> is 1.</summary>
    public static void ApplyControlled(Span<Complex> state, int control, int target, in Matrix2 u, KernelSettings settings = default)
    {
        CheckPair(state.Length, control, target);
        fixed (Complex* p = state)
            BlockParallel.For(state.Length / 4, settings, new ControlledBody((nint)p, control, target, u, settings.UseSimd));
    }

    /// <summary>A dense 4×4 gate on (q0, q1): local index = bit(q0) + 2·bit(q1).</summary>
    public static void ApplyDense(Span<Complex> state, int q0, int q1, Matrix4 m, KernelSettings settings = default)
    {
        ArgumentNullException.ThrowIfNull(m);
        CheckPair(state.Length, q0, q1);
        fixed (Complex* p = state)
            BlockParallel.For(state.Length / 4, settings, new DenseBody((nint)p, q0, q1, m, settings.UseSimd));
    }

    internal static void CheckPair(int length, int a, int b)
    {
        SingleQubitKernel.Check(length, a);
        SingleQubitKernel.Check(length, b);
        if (a == b) throw new ArgumentException($"A two-qubit gate needs two different qubits (got {a} twice).");
    }

    internal static long Insert2(long k, int lo, int hi)
    {
        long b = ((k >> lo) << (lo + 1)) | (k & ((1L << lo) - 1));
        return ((b >> hi) << (hi + 1)) | (b & ((1L << hi) - 1));
    }

    private readonly struct ControlledBody(nint psi, int c, int t, Matrix2 u, bool simd) : IRangeBody
    {
        public void Run(long start, long end)
        {
            var p = (Complex*)psi;
            int lo = Math.Min(c, t), hi = Math.Max(c, t);
            long runLen = 1L << lo, cb = 1L << c, tb = 1L << t;
            long k = start;
            while (k < end)
            {
                long inner = k & (runLen - 1);
                long run = Math.Min(end - k, runLen - inner);
                long b = Insert2(k, lo, hi) | cb;
                SingleQubitKernel.Run(p + b, p + (b | tb), run, u, simd);
                k += run;
            }
        }
    }

    private readonly struct DenseBody(nint psi, int q0, int q1, Matrix4 m, bool simd) : IRangeBody
    {
        public void Run(long start, long end)
        {
            var p = (Complex*)psi;
            int lo = Math.Min(q0, q1), hi = Math.Max(q0, q1);
            long runLen = 1L << lo, b0 = 1L << q0, b1 = 1L << q1;
            var mm = m.Span;
            long k = start;
            Span<Vector256<double>> re = stackalloc Vector256<double>[simd ? 16 : 0];
            Span<Vector256<double>> im = stackalloc Vector256<double>[simd ? 16 : 0];
            for (int i = 0; i < re.Length; i++) { re[i] = Vector256.Create(mm[i].Real); im[i] = SingleQubitKernel.Alt(mm[i].Imaginary); }
            while (k < end)
            {
                long inner = k & (runLen - 1);
                long run = Math.Min(end - k, runLen - inner);
                long b = Insert2(k, lo, hi);
                Complex* a0 = p + b, a1 = p + (b | b0), a2 = p + (b | b1), a3 = p + (b | b0 | b1);
                long i = 0;
                if (simd)
                {
                    for (; i + 2 <= run; i += 2)
                    {
                        var v0 = Avx.LoadVector256((double*)(a0 + i)); var v1 = Avx.LoadVector256((double*)(a1 + i));
                        var v2 = Avx.LoadVector256((double*)(a2 + i)); var v3 = Avx.LoadVector256((double*)(a3 + i));
                        var s0 = Avx.Permute(v0, 0b0101); var s1 = Avx.Permute(v1, 0b0101);
                        var s2 = Avx.Permute(v2, 0b0101); var s3 = Avx.Permute(v3, 0b0101);
                        Avx.Store((double*)(a0 + i), Row(re, im, 0, v0, v1, v2, v3, s0, s1, s2, s3));
                        Avx.Store((double*)(a1 + i), Row(re, im, 4, v0, v1, v2, v3, s0, s1, s2, s3));
                        Avx.Store((double*)(a2 + i), Row(re, im, 8, v0, v1, v2, v3, s0, s1, s2, s3));
                        Avx.Store((double*)(a3 + i), Row(re, im, 12, v0, v1, v2, v3, s0, s1, s2, s3));
                    }
                }
                for (; i < run; i++)
                {
                    Complex x0 = a0[i], x1 = a1[i], x2 = a2[i], x3 = a3[i];
                    a0[i] = mm[0] * x0 + mm[1] * x1 + mm[2] * x2 + mm[3] * x3;
                    a1[i] = mm[4] * x0 + mm[5] * x1 + mm[6] * x2 + mm[7] * x3;
                    a2[i] = mm[8] * x0 + mm[9] * x1 + mm[10] * x2 + mm[11] * x3;
                    a3[i] = mm[12] * x0 + mm[13] * x1 + mm[14] * x2 + mm[15] * x3;
                }
                k += run;
            }
        }

        private static Vector256<double> Row(Span<Vector256<double>> re, Span<Vector256<double>> im, int o,
            Vector256<double> v0, Vector256<double> v1, Vector256<double> v2, Vector256<double> v3,
            Vector256<double> s0, Vector256<double> s1, Vector256<double> s2, Vector256<double> s3)
        {
            var r = Avx.Multiply(re[o], v0);
            r = Fma.MultiplyAdd(im[o], s0, r);
            r = Fma.MultiplyAdd(re[o + 1], v1, r);
            r = Fma.MultiplyAdd(im[o + 1], s1, r);
            r = Fma.MultiplyAdd(re[o + 2], v2, r);
            r = Fma.MultiplyAdd(im[o + 2], s2, r);
            r = Fma.MultiplyAdd(re[o + 3], v3, r);
            return Fma.MultiplyAdd(im[o + 3], s3, r);
        }
    }
}
