using System.Numerics;
using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Exact;

/// <summary>
/// Exact diagonalisation of a qubit Hamiltonian in one particle-number sector: every determinant with nα α and nβ β
/// electrons (block spin ordering) is mapped to its computational basis state (a linear encoding sends
/// occupation states to basis states), the Hamiltonian is restricted to those states (real symmetric for real
/// orbitals) and its lowest eigenvalue found by dense Jacobi (small sectors) or Lanczos with full
/// reorthogonalisation (Lanczos 1950; Paige 1972). This is the CASCI energy when H comes from active-space integrals.
/// </summary>
public static class SectorSolver
{
    /// <summary>The sector's basis states (computational basis indices) under a mapping.</summary>
    public static ulong[] SectorBasis(FermionMapping mapping, int nAlpha, int nBeta)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        mapping.ValidateElectrons(nAlpha, nBeta);
        int n = mapping.ModeCount / 2;
        var alphas = Combinations(n, nAlpha);
        var betas = Combinations(n, nBeta);
        var basis = new ulong[alphas.Count * betas.Count];
        int i = 0;
        foreach (var b in betas)
            foreach (var a in alphas)
                basis[i++] = mapping.MapOccupation(a | (b << n));
        return basis;
    }

    /// <summary>The lowest eigenvalue of <paramref name="hamiltonian"/> with nα, nβ electrons.</summary>
    public static double LowestEigenvalue(QubitOperator hamiltonian, FermionMapping mapping, int nAlpha, int nBeta)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        ArgumentNullException.ThrowIfNull(mapping);
        var basis = SectorBasis(mapping, nAlpha, nBeta);
        var op = new PauliSumOperator(hamiltonian, mapping.QubitCount);
        return LowestEigenvalue(op, basis);
    }

    /// <summary>The lowest eigenvalue of the operator restricted to the given basis states.</summary>
    public static double LowestEigenvalue(PauliSumOperator op, ulong[] basis)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(basis);
        int dim = basis.Length;
        var index = new Dictionary<ulong, int>(dim);
        for (int i = 0; i < dim; i++) index[basis[i]] = i;
        // Sparse rows: for each column state b and group x, row state b⊕x.
        var rows = new List<(int Row, double Value)>[dim];
        for (int j = 0; j < dim; j++)
        {
            var list = rows[j] = new List<(int, double)>();
            foreach (ulong x in op.XMasks)
            {
                ulong r = basis[j] ^ x;
                if (!index.TryGetValue(r, out int ri)) continue;
                Complex v = op.Element(r, basis[j]);
                if (Math.Abs(v.Imaginary) > 1e-9)
                    throw new InvalidOperationException("The sector Hamiltonian is not real; the solver expects real orbitals.");
                if (v.Real != 0) list.Add((ri, v.Real));
            }
        }
        if (dim <= 200)
        {
            var dense = new double[dim * dim];
            for (int j = 0; j < dim; j++)
                foreach (var (r, v) in rows[j]) dense[r * dim + j] += v;
            return SymmetricEigen.Eigenvalues(dense, dim)[0];
        }
        return Lanczos(dim, (x, y) =>
        {
            Array.Clear(y);
            for (int j = 0; j < dim; j++)
            {
                double xj = x[j];
                if (xj == 0) continue;
                foreach (var (r, v) in rows[j]) y[r] += v * xj;
            }
        });
    }

    /// <summary>Lowest eigenvalue of a symmetric operator given as a matrix–vector product (full reorthogonalisation).</summary>
    public static double Lanczos(int dim, Action<double[], double[]> multiply, int maxIterations = 300, double tolerance = 1e-12)
    {
        ArgumentNullException.ThrowIfNull(multiply);
        int m = Math.Min(dim, maxIterations);
        var vs = new List<double[]>();
        var rng = new Random(12345);
        var v = new double[dim];
        for (int i = 0; i < dim; i++) v[i] = rng.NextDouble() - 0.5;
        Normalize(v);
        var alpha = new List<double>();
        var beta = new List<double>();
        var w = new double[dim];
        double previous = double.NaN;
        for (int k = 0; k < m; k++)
        {
            vs.Add((double[])v.Clone());
            multiply(v, w);
            double a = Dot(w, v);
            alpha.Add(a);
            for (int pass = 0; pass < 2; pass++)
                foreach (var u in vs)
                {
                    double d = Dot(w, u);
                    for (int i = 0; i < dim; i++) w[i] -= d * u[i];
                }
            double b = Math.Sqrt(Dot(w, w));
            if ((k + 1) % 5 == 0 || b < 1e-12 || k == m - 1)
            {
                double e = TridiagonalLowest(alpha, beta);
                if (b < 1e-12 || Math.Abs(e - previous) < tolerance) return e;
                previous = e;
            }
            beta.Add(b);
            for (int i = 0; i < dim; i++) v[i] = w[i] / b;
        }
        return previous;
    }

    /// <summary>Lowest eigenvalue of the symmetric tridiagonal (alpha, beta) by Sturm-sequence bisection
    /// (Wilkinson 1965; Golub &amp; Van Loan §8.4.1).</summary>
    private static double TridiagonalLowest(List<double> alpha, List<double> beta)
    {
        int n = alpha.Count;
        double lo = double.MaxValue, hi = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            double r = (i > 0 ? Math.Abs(beta[i - 1]) : 0) + (i + 1 < n ? Math.Abs(beta[i]) : 0);
            lo = Math.Min(lo, alpha[i] - r);
            hi = Math.Max(hi, alpha[i] + r);
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.Max(1, Math.Abs(lo)); it++)
        {
            double mid = 0.5 * (lo + hi);
            int count = 0;
            double q = 1;
            for (int i = 0; i < n; i++)
            {
                double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
                q = alpha[i] - mid - (i > 0 ? b2 / q : 0);
                if (q == 0) q = 1e-300;
                if (q < 0) count++;
            }
            if (count >= 1) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Normalize(double[] v)
    {
        double s = Math.Sqrt(Dot(v, v));
        for (int i = 0; i < v.Length; i++) v[i] /= s;
    }

    private static List<ulong> Combinations(int n, int k)
    {
        var list = new List<ulong>();
        if (k == 0) { list.Add(0); return list; }
        if (k > n) return list;
        ulong c = (1UL << k) - 1;
        ulong limit = 1UL << n;
        while (c < limit)
        {
            list.Add(c);
            // Gosper's hack: next integer with the same popcount
            ulong u = c & (~c + 1);
            ulong v = c + u;
            c = v + (((v ^ c) / u) >> 2);
        }
        return list;
    }
}
