namespace MolForge.Quantum.Exact;

/// <summary>Eigenvalues of a real symmetric matrix by cyclic Jacobi rotations (Golub &amp; Van Loan §8.5): for the
/// small dense matrices of tests, Lanczos tridiagonals and sector blocks.</summary>
public static class SymmetricEigen
{
    /// <summary>Ascending eigenvalues of the symmetric matrix <paramref name="a"/> (n×n, row-major; not modified).</summary>
    public static double[] Eigenvalues(double[] a, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length != n * n) throw new ArgumentException($"Expected {n * n} entries.", nameof(a));
        var m = (double[])a.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++)
            {
                diag += m[p * n + p] * m[p * n + p];
                for (int q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
            }
            if (off <= 1e-30 * Math.Max(diag, 1e-300) || off < 1e-300) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = m[p * n + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    double app = m[p * n + p], aqq = m[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = m[k * n + p], akq = m[k * n + q];
                        m[k * n + p] = c * akp - s * akq;
                        m[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = m[p * n + k], aqk = m[q * n + k];
                        m[p * n + k] = c * apk - s * aqk;
                        m[q * n + k] = s * apk + c * aqk;
                    }
                }
        }
        var ev = new double[n];
        for (int i = 0; i < n; i++) ev[i] = m[i * n + i];
        Array.Sort(ev);
        return ev;
    }
}
