using System.Numerics;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Ci;

/// <summary>Result of a CASCI calculation.</summary>
/// <param name="Energy">Total energy (core energy included).</param>
/// <param name="Converged">Whether the Davidson residual fell below the tolerance.</param>
/// <param name="Iterations">Davidson iterations.</param>
/// <param name="Determinants">Size of the determinant space (Ms = 0).</param>
/// <param name="Vector">CI vector c[Ia·nβ + Ib].</param>
public sealed record CasciResult(double Energy, bool Converged, int Iterations, int Determinants, double[] Vector);

/// <summary>Complete active space CI: the exact lowest singlet in the active space, by the determinant-based direct
/// CI of Knowles &amp; Handy (1984) — σ = Σ_pq E_pq [h'_pq c + ½ Σ_rs (pq|rs) E_rs c] with
/// h'_pq = h_pq − ½ Σ_r (pr|rq) — in Davidson's method (J. Comput. Phys. 17, 87 (1975)). Singlets are kept by
/// symmetrising vectors under α↔β string exchange (C(Iβ,Iα) = C(Iα,Iβ) for even S, Ms = 0).</summary>
public static class CasciSolver
{
    /// <summary>Most n²·N_det the σ intermediates may hold.</summary>
    public const long MaxWork = 60_000_000;

    /// <summary>Lowest singlet energy of the active space.</summary>
    /// <exception cref="QChemInputException">The determinant space is too large.</exception>
    public static CasciResult Solve(ActiveSpaceIntegrals ints, double tolerance = 1e-7, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(ints);
        var n = ints.OrbitalCount;
        if (n > 20) throw new QChemInputException($"active space with {n} orbitals is too large for CASCI");
        var k = ints.ElectronCount / 2;
        var space = new StringSpace(n, k);
        var ns = space.Count;
        long ndet = (long)ns * ns;
        if (ndet * n * n > MaxWork)
            throw new QChemInputException($"CASCI({ints.ElectronCount},{n}) has {ndet} determinants: too large (limit n²·N_det ≤ {MaxWork})");
        var dim = (int)ndet;
        var hPrime = new double[n * n];
        for (var p = 0; p < n; p++)
            for (var q = 0; q < n; q++)
            {
                var v = ints.H(p, q);
                for (var r = 0; r < n; r++) v -= 0.5 * ints.Eri(p, r, r, q);
                hPrime[p * n + q] = v;
            }
        var diag = Diagonal(ints, space);
        var basis = new List<double[]>();
        var sigmas = new List<double[]>();
        var guess = new double[dim];
        var best = 0;
        for (var i = 1; i < dim; i++) if (diag[i] < diag[best]) best = i;
        guess[best] = 1;
        Symmetrise(guess, ns);
        Normalise(guess);
        basis.Add(guess);
        var d = new double[n * n * dim];
        var g = new double[n * n * dim];
        double theta = 0;
        var converged = false;
        var iter = 0;
        double[] current = guess;
        while (iter < maxIterations)
        {
            iter++;
            sigmas.Add(Sigma(basis[^1], space, hPrime, ints, d, g));
            var m = basis.Count;
            var small = new Matrix(m, m);
            for (var i = 0; i < m; i++)
                for (var j = 0; j <= i; j++)
                {
                    var v = Dot(basis[i], sigmas[j]);
                    small[i, j] = v;
                    small[j, i] = v;
                }
            var (values, vectors) = SymmetricEigensolver.Solve(small);
            theta = values[0];
            current = new double[dim];
            var residual = new double[dim];
            for (var i = 0; i < m; i++)
            {
                var y = vectors[i, 0];
                for (var x = 0; x < dim; x++)
                {
                    current[x] += y * basis[i][x];
                    residual[x] += y * (sigmas[i][x] - theta * basis[i][x]);
                }
            }
            var norm = Math.Sqrt(Dot(residual, residual));
            if (norm < tolerance) { converged = true; break; }
            for (var x = 0; x < dim; x++)
            {
                var den = theta - diag[x];
                residual[x] /= Math.Abs(den) < 1e-8 ? (den < 0 ? -1e-8 : 1e-8) : den;
            }
            Symmetrise(residual, ns);
            if (basis.Count >= 40)
            {
                // collapse to the current best vector
                Normalise(current);
                basis.Clear();
                sigmas.Clear();
                basis.Add(current);
                sigmas.Add(Sigma(current, space, hPrime, ints, d, g));
            }
            for (var pass = 0; pass < 2; pass++)
                foreach (var b in basis)
                {
                    var o = Dot(b, residual);
                    for (var x = 0; x < dim; x++) residual[x] -= o * b[x];
                }
            var rn = Math.Sqrt(Dot(residual, residual));
            if (rn < 1e-12) { converged = norm < 1e-5; break; }
            for (var x = 0; x < dim; x++) residual[x] /= rn;
            basis.Add(residual);
        }
        return new CasciResult(theta + ints.CoreEnergy, converged, iter, dim, current);
    }

    /// <summary>σ = H c (without the core energy).</summary>
    internal static double[] Sigma(double[] c, StringSpace space, double[] hPrime, ActiveSpaceIntegrals ints, double[] d, double[] g)
    {
        var n = space.Orbitals;
        var n2 = n * n;
        var ns = space.Count;
        var dim = ns * ns;
        Array.Clear(d, 0, n2 * dim);
        // D[pq][I] = Σ_J <I|E_pq|J> c_J, alpha and beta parts
        for (var ja = 0; ja < ns; ja++)
            foreach (var rep in space.Replacements[ja])
            {
                var dst = rep.Pq * dim + rep.Target * ns;
                var src = ja * ns;
                for (var ib = 0; ib < ns; ib++) d[dst + ib] += rep.Sign * c[src + ib];
            }
        for (var jb = 0; jb < ns; jb++)
            foreach (var rep in space.Replacements[jb])
            {
                var dst = rep.Pq * dim + rep.Target;
                for (var ia = 0; ia < ns; ia++) d[dst + ia * ns] += rep.Sign * c[ia * ns + jb];
            }
        // G[pq] = h'_pq c + ½ Σ_rs (pq|rs) D[rs]
        var eri = ints.TwoElectron;
        Parallel.For(0, n2, pq =>
        {
            var row = g.AsSpan(pq * dim, dim);
            var hp = hPrime[pq];
            for (var x = 0; x < dim; x++) row[x] = hp * c[x];
            for (var rs = 0; rs < n2; rs++)
            {
                var v = 0.5 * eri[pq * n2 + rs];
                if (v == 0) continue;
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(d.AsSpan(rs * dim, dim), v, row, row);
            }
        });
        // σ_I = Σ_pq Σ_J <I|E_pq|J> G[pq]_J
        var sigma = new double[dim];
        for (var ja = 0; ja < ns; ja++)
            foreach (var rep in space.Replacements[ja])
            {
                var src = rep.Pq * dim + ja * ns;
                var dst = rep.Target * ns;
                for (var ib = 0; ib < ns; ib++) sigma[dst + ib] += rep.Sign * g[src + ib];
            }
        for (var jb = 0; jb < ns; jb++)
            foreach (var rep in space.Replacements[jb])
            {
                var src = rep.Pq * dim + jb;
                for (var ia = 0; ia < ns; ia++) sigma[ia * ns + rep.Target] += rep.Sign * g[src + ia * ns];
            }
        return sigma;
    }

    /// <summary>⟨I|H|I⟩ without the core energy, by the Slater–Condon rules.</summary>
    internal static double[] Diagonal(ActiveSpaceIntegrals ints, StringSpace space)
    {
        var n = space.Orbitals;
        var ns = space.Count;
        var diag = new double[ns * ns];
        for (var ia = 0; ia < ns; ia++)
            for (var ib = 0; ib < ns; ib++)
            {
                int a = space.Strings[ia], b = space.Strings[ib];
                double e = 0;
                for (var i = 0; i < n; i++)
                {
                    var ai = (a >> i & 1) == 1;
                    var bi = (b >> i & 1) == 1;
                    if (ai) e += ints.H(i, i);
                    if (bi) e += ints.H(i, i);
                    for (var j = 0; j < n; j++)
                    {
                        var aj = (a >> j & 1) == 1;
                        var bj = (b >> j & 1) == 1;
                        var coul = ints.Eri(i, i, j, j);
                        var exch = ints.Eri(i, j, j, i);
                        if (ai && aj) e += 0.5 * (coul - exch);
                        if (bi && bj) e += 0.5 * (coul - exch);
                        if (ai && bj) e += coul;
                    }
                }
                diag[ia * ns + ib] = e;
            }
        return diag;
    }

    private static void Symmetrise(double[] v, int ns)
    {
        for (var i = 0; i < ns; i++)
            for (var j = 0; j < i; j++)
            {
                var m = 0.5 * (v[i * ns + j] + v[j * ns + i]);
                v[i * ns + j] = m;
                v[j * ns + i] = m;
            }
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Normalise(double[] v)
    {
        var n = Math.Sqrt(Dot(v, v));
        for (var i = 0; i < v.Length; i++) v[i] /= n;
    }

    internal static int PopCount(int x) => BitOperations.PopCount((uint)x);
}
