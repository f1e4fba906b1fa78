using FsCheck;
using FsCheck.Fluent;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Tests.LinearAlgebra;

/// <summary>The register-blocked C += A·B against the triple loop, for every leftover size of the 4 × 8 kernel and
/// leading dimensions larger than the blocks.</summary>
public class GemmTests
{
    [Fact]
    public void Blocked_product_matches_the_triple_loop_for_random_shapes()
    {
        Prop.ForAll(Gen.Choose(0, 13).ToArbitrary(), Gen.Choose(0, 19).ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(),
            (m, n, seed) =>
            {
                var rnd = new Random(seed);
                int k = rnd.Next(0, 12), pad = rnd.Next(0, 4);
                int lda = k + pad, ldb = n + 2 * pad, ldc = n + pad;
                var a = Enumerable.Range(0, Math.Max(1, m * lda)).Select(_ => rnd.NextDouble() - 0.5).ToArray();
                var b = Enumerable.Range(0, Math.Max(1, k * ldb)).Select(_ => rnd.NextDouble() - 0.5).ToArray();
                var c = Enumerable.Range(0, Math.Max(1, m * ldc)).Select(_ => rnd.NextDouble() - 0.5).ToArray();
                var expected = (double[])c.Clone();
                for (var i = 0; i < m; i++)
                    for (var j = 0; j < n; j++)
                        for (var p = 0; p < k; p++) expected[i * ldc + j] += a[i * lda + p] * b[p * ldb + j];
                Gemm.MultiplyAdd(m, n, k, a, lda, b, ldb, c, ldc);
                for (var x = 0; x < c.Length; x++)
                    if (Math.Abs(c[x] - expected[x]) > 1e-12) return false;
                return true;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Blocks_that_do_not_fit_their_spans_are_refused()
    {
        var a = new double[8];
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyAdd(3, 3, 3, a, 3, new double[9], 3, new double[9], 3));
    }
}
