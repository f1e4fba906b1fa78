using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.ActiveSpace;

/// <summary>Two-electron integrals (pq|rs) over a few active MOs (columns of C_act, n of them), as the full array
/// [((p*n+q)*n+r)*n+s]. Two routes:
/// <list type="bullet">
/// <item><see cref="FromSupermatrix"/>: when the SCF kept the closed-shell PK supermatrix
/// M_(μν),(λσ) = (μν|λσ) − ¼(μλ|νσ) − ¼(μσ|νλ) (Raffenetti 1973), one G build per active pair density
/// P^(kl) = ½(c_k c_lᵀ + c_l c_kᵀ) gives M_ijkl = c_iᵀ G(P^(kl)) c_j = (ij|kl) − ¼(ik|jl) − ¼(il|jk). The three
/// pairings A = (ij|kl), B = (ik|jl), C = (il|jk) obey M_ijkl = A − ¼(B + C) (and cyclically), a 3×3 system
/// (5/4)𝟙 − ¼J with eigenvalues ½ and 5/4, whose inverse gives A = (6/5)M_ijkl + (2/5)M_ikjl + (2/5)M_iljk.
/// Cost: n(n+1)/2 matrix–vector products with the stored supermatrix; no integral is computed again.</item>
/// <item><see cref="Direct"/>: AO integrals computed once per unique shell quartet (eight-fold symmetry, Schwarz
/// screening weighted by the largest active MO coefficients the quartet touches) and half-transformed on the fly
/// into T^(kl)_μν = Σ_λσ (μν|λσ) P^(kl)_λσ (the ket index pair transformed into active pairs k ≤ l); then
/// (ij|kl) = c_iᵀ T^(kl) c_j. Memory O(N²·n²) per thread, work O(N⁴/8) integrals plus O(N⁴/8 · n²) multiply–adds.</item>
/// </list>
/// </summary>
internal static class ActiveIntegralTransform
{
    /// <summary>Quartets whose Schwarz bound Q_ab·Q_cd is below this are skipped (the SCF's default threshold).</summary>
    public const double SchwarzThreshold = 1e-12;

    /// <summary>Quartets whose bound Q_ab·Q_cd·w_ab·w_cd on any active integral (w: largest product of active MO
    /// coefficients over the pair's functions) is below this are skipped.</summary>
    public const double TransformThreshold = 1e-14;

    /// <summary>Active pair densities P^(kl) = ½(c_k c_lᵀ + c_l c_kᵀ), k ≥ l, in the order kl = k(k+1)/2 + l.</summary>
    private static (int K, int L)[] ActivePairs(int n)
    {
        var pairs = new (int, int)[n * (n + 1) / 2];
        for (var k = 0; k < n; k++)
            for (var l = 0; l <= k; l++) pairs[k * (k + 1) / 2 + l] = (k, l);
        return pairs;
    }

    /// <summary>(pq|rs) from the PK supermatrix held by <paramref name="fock"/>.</summary>
    public static double[] FromSupermatrix(FockBuilder fock, Matrix cAct)
    {
        if (!fock.UsesSupermatrix) throw new InvalidOperationException("the SCF did not keep the PK supermatrix");
        var nbf = cAct.Rows;
        var n = cAct.Cols;
        var pairs = ActivePairs(n);
        // m[((i*n+j)*n+k)*n+l] = c_iᵀ G(P^(kl)) c_j
        var m = new double[n * n * n * n];
        var density = new Matrix(nbf, nbf);
        foreach (var (k, l) in pairs)
        {
            var d = density.Data;
            for (var a = 0; a < nbf; a++)
            {
                double cak = cAct[a, k], cal = cAct[a, l];
                for (var b = 0; b < nbf; b++) d[a * nbf + b] = 0.5 * (cak * cAct[b, l] + cal * cAct[b, k]);
            }
            var y = Matrix.Transform(cAct, fock.Build(density));
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    var v = y[i, j];
                    m[((i * n + j) * n + k) * n + l] = v;
                    m[((i * n + j) * n + l) * n + k] = v;
                }
        }
        var eri = new double[m.Length];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                for (var k = 0; k < n; k++)
                    for (var l = 0; l < n; l++)
                        eri[((i * n + j) * n + k) * n + l] = 1.2 * m[((i * n + j) * n + k) * n + l]
                            + 0.4 * m[((i * n + k) * n + j) * n + l] + 0.4 * m[((i * n + l) * n + j) * n + k];
        return eri;
    }

    /// <summary>(pq|rs) = c_pᵀ J(P^(rs)) c_q with the Coulomb matrices of all active pair densities built in one pass
    /// over the integrals (<see cref="FockBuilder.BuildCoulomb"/>: the stored ones when the SCF kept them without a
    /// supermatrix, else recomputed).</summary>
    public static double[] FromCoulombBuilds(FockBuilder fock, Matrix cAct)
    {
        var nbf = cAct.Rows;
        var n = cAct.Cols;
        var pairs = ActivePairs(n);
        var densities = new Matrix[pairs.Length];
        for (var kl = 0; kl < pairs.Length; kl++)
        {
            var (k, l) = pairs[kl];
            var d = new Matrix(nbf, nbf);
            for (var a = 0; a < nbf; a++)
                for (var b = 0; b < nbf; b++) d[a, b] = 0.5 * (cAct[a, k] * cAct[b, l] + cAct[a, l] * cAct[b, k]);
            densities[kl] = d;
        }
        var coulomb = fock.BuildCoulomb(densities);
        var eri = new double[n * n * n * n];
        for (var kl = 0; kl < pairs.Length; kl++)
        {
            var (k, l) = pairs[kl];
            var y = Matrix.Transform(cAct, coulomb[kl]);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    eri[((i * n + j) * n + k) * n + l] = y[i, j];
                    eri[((i * n + j) * n + l) * n + k] = y[i, j];
                }
        }
        return eri;
    }

    /// <summary>(pq|rs) by the direct shell-quartet half-transformation.</summary>
    public static double[] Direct(FockBuilder fock, BasisSet basis, Matrix cAct)
    {
        var nbf = cAct.Rows;
        var n = cAct.Cols;
        var pairs = ActivePairs(n);
        var np = pairs.Length;
        // P[(μ*N+ν)*np + kl] = ½(C_μk C_νl + C_νk C_μl)
        var p = new double[nbf * nbf * np];
        for (var mu = 0; mu < nbf; mu++)
            for (var nu = 0; nu < nbf; nu++)
            {
                var row = (mu * nbf + nu) * np;
                for (var kl = 0; kl < np; kl++)
                {
                    var (k, l) = pairs[kl];
                    p[row + kl] = 0.5 * (cAct[mu, k] * cAct[nu, l] + cAct[nu, k] * cAct[mu, l]);
                }
            }
        // largest |C_μp| over a shell's functions and the active orbitals
        var shells = basis.Shells;
        var cmax = new double[shells.Count];
        for (var s = 0; s < shells.Count; s++)
            for (var f = shells[s].FirstFunction; f < shells[s].FirstFunction + shells[s].Size; f++)
                for (var k = 0; k < n; k++) cmax[s] = Math.Max(cmax[s], Math.Abs(cAct[f, k]));

        var shellPairs = fock.Pairs;
        var count = shellPairs.Count;
        var weight = new double[count];
        for (var x = 0; x < count; x++)
            weight[x] = shellPairs[x].Schwarz * cmax[shellPairs[x].IndexA] * cmax[shellPairs[x].IndexB];
        var maxL = basis.MaxL;
        var total = new double[nbf * nbf * np];
        var gate = new object();
        Parallel.For(0, count,
            () => (Engine: new EriEngine(maxL), Buffer: new double[FockBuilder.MaxQuartetSize(maxL)], T: new double[nbf * nbf * np]),
            (idx, _, st) =>
            {
                var ab = count - 1 - idx; // the bra pairs with the most kets first
                var bra = shellPairs[ab];
                var schwarzCut = SchwarzThreshold / bra.Schwarz;
                var weightCut = weight[ab] > 0 ? TransformThreshold / weight[ab] : double.PositiveInfinity;
                for (var cd = 0; cd <= ab; cd++)
                {
                    var ket = shellPairs[cd];
                    if (ket.Schwarz < schwarzCut || weight[cd] < weightCut) continue;
                    st.Engine.Compute(bra, ket, st.Buffer);
                    Digest(bra, ket, ab == cd, st.Buffer, p, st.T, nbf, np);
                }
                return st;
            },
            st =>
            {
                lock (gate) System.Numerics.Tensors.TensorPrimitives.Add(total, st.T, total);
            });

        var eri = new double[n * n * n * n];
        var tk = new Matrix(nbf, nbf);
        for (var kl = 0; kl < np; kl++)
        {
            var (k, l) = pairs[kl];
            for (var mu = 0; mu < nbf; mu++)
                for (var nu = 0; nu < nbf; nu++)
                    tk.Data[mu * nbf + nu] = 0.5 * (total[(mu * nbf + nu) * np + kl] + total[(nu * nbf + mu) * np + kl]);
            var y = Matrix.Transform(cAct, tk);
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    var v = y[i, j];
                    eri[((i * n + j) * n + k) * n + l] = v;
                    eri[((i * n + j) * n + l) * n + k] = v;
                }
        }
        return eri;
    }

    /// <summary>Adds one unique shell quartet: T_(μν) += w (μν|λσ) P_(λσ), T_(λσ) += w (μν|λσ) P_(μν), with the
    /// degeneracy weight of FockBuilder's Coulomb digest (½·deg, symmetrised afterwards).</summary>
    private static void Digest(ShellPair bra, ShellPair ket, bool samePair, ReadOnlySpan<double> v, double[] p, double[] t, int nbf, int np)
    {
        var w = 0.5 * (bra.IndexA == bra.IndexB ? 1.0 : 2.0) * (ket.IndexA == ket.IndexB ? 1.0 : 2.0) * (samePair ? 1.0 : 2.0);
        int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, fc = ket.A.FirstFunction, fd = ket.B.FirstFunction;
        int sa = bra.A.Size, sb = bra.B.Size, sc = ket.A.Size, sd = ket.B.Size;
        Span<double> acc = stackalloc double[np];
        var x = 0;
        for (var ia = 0; ia < sa; ia++)
            for (var ib = 0; ib < sb; ib++)
            {
                var pq = ((fa + ia) * nbf + fb + ib) * np;
                var ppq = p.AsSpan(pq, np);
                acc.Clear();
                for (var ic = 0; ic < sc; ic++)
                {
                    var rBase = (fc + ic) * nbf + fd;
                    for (var id = 0; id < sd; id++, x++)
                    {
                        var val = v[x] * w;
                        if (val == 0) continue;
                        var rs = (rBase + id) * np;
                        var prs = p.AsSpan(rs, np);
                        var trs = t.AsSpan(rs, np);
                        for (var kl = 0; kl < np; kl++)
                        {
                            acc[kl] += val * prs[kl];
                            trs[kl] += val * ppq[kl];
                        }
                    }
                }
                var tpq = t.AsSpan(pq, np);
                for (var kl = 0; kl < np; kl++) tpq[kl] += acc[kl];
            }
    }
}
