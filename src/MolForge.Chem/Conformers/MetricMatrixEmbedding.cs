namespace MolForge.Chem.Conformers;

/// <summary>Random distance matrix within the bounds and its embedding through the metric matrix
/// (Crippen &amp; Havel 1988): G_ij = (d_i0² + d_j0² − d_ij²)/2 with distances to the centroid d_i0, the
/// <c>dim</c> largest eigenpairs by power iteration with deflation, x_i = sqrt(λ) v_i.</summary>
internal static class MetricMatrixEmbedding
{
    /// <summary>Fills <paramref name="coords"/> (n × dim, row-major). Returns false when the metric matrix has
    /// fewer than three positive eigenvalues (a degenerate random matrix; the caller tries again).</summary>
    public static bool Embed(BoundsMatrix bounds, Random rng, int dim, Span<double> coords)
    {
        var n = bounds.N;
        var d2 = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var l = bounds.Lower(i, j);
                var u = Math.Min(bounds.Upper(i, j), 100.0);
                var d = l + (rng.NextDouble() * (u - l));
                d2[(i * n) + j] = d2[(j * n) + i] = d * d;
            }
        }
        var sumAll = 0.0;
        var rowSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) rowSum[i] += d2[(i * n) + j];
            sumAll += rowSum[i];
        }
        sumAll /= 2.0 * n * n; // (1/N²) Σ_{j<k} d²_jk
        var d0 = new double[n];
        for (var i = 0; i < n; i++) d0[i] = (rowSum[i] / n) - sumAll;
        var g = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                g[(i * n) + j] = 0.5 * (d0[i] + d0[j] - d2[(i * n) + j]);

        var v = new double[n];
        var w = new double[n];
        var k = 0;
        for (var attempt = 0; k < dim && attempt < 3 * dim; attempt++)
        {
            // Power iteration on the deflated matrix (deflation applied in place).
            for (var i = 0; i < n; i++) v[i] = rng.NextDouble() - 0.5;
            Normalize(v);
            var lambda = 0.0;
            for (var it = 0; it < 1000; it++)
            {
                MatVec(g, v, w, n);
                var norm = Math.Sqrt(Dot(w, w));
                if (norm < 1e-12) break;
                var newLambda = Dot(v, w);
                for (var i = 0; i < n; i++) v[i] = w[i] / norm;
                if (Math.Abs(newLambda - lambda) < 1e-7 * Math.Max(1.0, Math.Abs(newLambda)) && it > 5)
                {
                    lambda = newLambda;
                    break;
                }
                lambda = newLambda;
            }
            // Deflate: G ← G − λ v vᵀ (negative eigenvalues found first are deflated and skipped).
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    g[(i * n) + j] -= lambda * v[i] * v[j];
            if (lambda <= 1e-8) continue;
            var s = Math.Sqrt(lambda);
            for (var i = 0; i < n; i++) coords[(i * dim) + k] = s * v[i];
            k++;
        }
        if (k < 3) return false;
        for (; k < dim; k++)
            for (var i = 0; i < n; i++) coords[(i * dim) + k] = 0.1 * (rng.NextDouble() - 0.5);
        return true;
    }

    private static void MatVec(double[] m, double[] v, double[] w, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            var row = i * n;
            for (var j = 0; j < n; j++) s += m[row + j] * v[j];
            w[i] = s;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Normalize(double[] v)
    {
        var n = Math.Sqrt(Dot(v, v));
        for (var i = 0; i < v.Length; i++) v[i] /= n;
    }
}
