using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MolForge.QChem.LinearAlgebra;

/// <summary>C += A·B for row-major blocks (leading dimensions given): a register-blocked kernel of 4 rows × 8 columns
/// held in eight Vector256 accumulators over the whole k loop (the GotoBLAS micro-kernel idea, Goto &amp; van de Geijn,
/// ACM TOMS 34, 12 (2008)), with scalar edges; no allocation. Used by the MP2 quarter transformations.</summary>
internal static class Gemm
{
    /// <summary>C[i·ldc + j] += Σ_p A[i·lda + p] B[p·ldb + j] for i &lt; m, j &lt; n, p &lt; k.</summary>
    public static void MultiplyAdd(int m, int n, int k, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c, int ldc)
    {
        if (m == 0 || n == 0 || k == 0) return;
        if (a.Length < (long)(m - 1) * lda + k || b.Length < (long)(k - 1) * ldb + n || c.Length < (long)(m - 1) * ldc + n)
            throw new ArgumentException("a block does not fit its span");
        ref var ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref var rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        ref var rc = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(c);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= m; i += 4)
            {
                var j = 0;
                for (; j + 8 <= n; j += 8) Kernel4x8(k, ref Unsafe.Add(ref ra, i * lda), lda, ref Unsafe.Add(ref rb, j), ldb, ref Unsafe.Add(ref rc, i * ldc + j), ldc);
                if (j < n) Scalar(4, n - j, k, ref Unsafe.Add(ref ra, i * lda), lda, ref Unsafe.Add(ref rb, j), ldb, ref Unsafe.Add(ref rc, i * ldc + j), ldc);
            }
        }
        if (i < m) Scalar(m - i, n, k, ref Unsafe.Add(ref ra, i * lda), lda, ref rb, ldb, ref Unsafe.Add(ref rc, i * ldc), ldc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x8(int k, ref double a, int lda, ref double b, int ldb, ref double c, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        ref var a0 = ref a;
        ref var a1 = ref Unsafe.Add(ref a, lda);
        ref var a2 = ref Unsafe.Add(ref a, 2 * lda);
        ref var a3 = ref Unsafe.Add(ref a, 3 * lda);
        for (var p = 0; p < k; p++)
        {
            ref var bp = ref Unsafe.Add(ref b, p * ldb);
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref bp, 4));
            var x = Vector256.Create(Unsafe.Add(ref a0, p));
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a1, p));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a2, p));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a3, p));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        Store(ref c, c00, c01);
        Store(ref Unsafe.Add(ref c, ldc), c10, c11);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
    }

    private static void Store(ref double c, Vector256<double> lo, Vector256<double> hi)
    {
        (Vector256.LoadUnsafe(ref c) + lo).StoreUnsafe(ref c);
        ref var c4 = ref Unsafe.Add(ref c, 4);
        (Vector256.LoadUnsafe(ref c4) + hi).StoreUnsafe(ref c4);
    }

    private static void Scalar(int m, int n, int k, ref double a, int lda, ref double b, int ldb, ref double c, int ldc)
    {
        for (var i = 0; i < m; i++)
            for (var p = 0; p < k; p++)
            {
                var x = Unsafe.Add(ref a, i * lda + p);
                if (x == 0) continue;
                ref var bp = ref Unsafe.Add(ref b, p * ldb);
                ref var ci = ref Unsafe.Add(ref c, i * ldc);
                for (var j = 0; j < n; j++) Unsafe.Add(ref ci, j) += x * Unsafe.Add(ref bp, j);
            }
    }
}
