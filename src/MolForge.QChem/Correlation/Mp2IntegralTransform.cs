using System.Numerics.Tensors;
using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Correlation;

/// <summary>The exchange-type MO integrals (ia|jb) of MP2 by four quarter transformations over AO integrals computed
/// shell quartet by shell quartet, batched over the occupied index i in the manner of the semi-direct MP2 of
/// Head-Gordon, Pople &amp; Frisch (Chem. Phys. Lett. 153, 503 (1988)):
/// <list type="number">
/// <item>for each ket shell pair (λσ) (in parallel) the AO integrals (μν|λσ) over all bra pairs (Schwarz screened,
/// Häser &amp; Ahlrichs 1989) fill an N × N block per ket function pair λ ≥ σ, which is transformed at once:
/// (iν|λσ) = Σ_μ C_μi (μν|λσ), then (ia|λσ) = Σ_ν C_νa (iν|λσ), kept for the occupied batch;</item>
/// <item>for each i of the batch (in parallel) the contraction over the occupied index first,
/// Z_λja = Σ_σ C_σj (ia|λσ), then (ia|jb) = Σ_λ C_λb Z_λja, one (i, j) block at a time.</item>
/// </list>
/// Work O(o N⁴/2 + o v N³/2 + o²v N² + o²v² N) multiply–adds, every quarter a register-blocked
/// <see cref="Gemm"/> without allocation;
/// memory o²v² for the result plus N(N+1)/2 · n_batch · v for the half-transformed integrals.</summary>
internal static class Mp2IntegralTransform
{
    /// <summary>Bytes of the per-thread scratch of the first half (AO block of one ket shell pair, first quarter).</summary>
    public static long FirstHalfScratchBytes(int nbf, int maxL, int batch)
    {
        var s = (maxL + 1) * (maxL + 2) / 2;
        return 8L * ((long)s * s * nbf * nbf + (long)batch * nbf);
    }

    /// <summary>Bytes of the per-thread scratch of the second half (Z over λ, j, a).</summary>
    public static long SecondHalfScratchBytes(int nbf, int occupied, int virtuals) => 8L * nbf * (occupied + 1) * virtuals;

    /// <summary>Bytes of the half-transformed integrals per occupied orbital of a batch.</summary>
    public static long HalfTransformedBytesPerOccupied(int nbf, int virtuals) => 8L * nbf * (nbf + 1) / 2 * virtuals;

    /// <summary>Bytes the unique-quartet store needs (values and offsets); see <see cref="QuartetStore"/>.</summary>
    public static long QuartetStoreBytes(FockBuilder fock)
    {
        var count = (long)fock.Pairs.Count;
        return fock.IntegralCount * 8 + count * (count + 1) / 2 * 4;
    }

    /// <summary>K[i][(j·v + a)·v + b] = (ia|jb) for the occupied columns of <paramref name="cOcc"/> (N × o) and the
    /// virtual columns of <paramref name="cVir"/> (N × v), occupied processed <paramref name="batch"/> at a time. When
    /// <see cref="QuartetStoreBytes"/> ≤ <paramref name="storeBytes"/> the unique quartets (ab|cd), ab ≥ cd, are
    /// computed once and kept, so the first half reads each twice (as (ab|cd) and (cd|ab)) instead of computing it twice,
    /// and later occupied batches compute none.</summary>
    public static double[][] Ovov(FockBuilder fock, BasisSet basis, Matrix cOcc, Matrix cVir, int batch, double threshold, long storeBytes,
        CancellationToken cancellationToken, out int passes, out bool stored)
    {
        var n = cOcc.Rows;
        var o = cOcc.Cols;
        var v = cVir.Cols;
        var k = new double[o][];
        for (var i = 0; i < o; i++) k[i] = new double[(long)o * v * v > Array.MaxLength ? throw new QChemInputException("MP2: too many (ia|jb) integrals per occupied orbital") : o * v * v];
        var npair = n * (n + 1) / 2;
        var half = new double[npair][];
        batch = Math.Clamp(batch, 1, Math.Max(1, o));
        for (var p = 0; p < npair; p++) half[p] = new double[batch * v];
        passes = 0;
        var store = QuartetStoreBytes(fock) <= storeBytes ? QuartetStore.Build(fock, basis.MaxL, threshold, cancellationToken) : null;
        stored = store is not null;
        for (var i0 = 0; i0 < o; i0 += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nb = Math.Min(batch, o - i0);
            FirstHalf(fock, basis, store, cOcc, cVir, i0, nb, threshold, half, cancellationToken);
            SecondHalf(cOcc, cVir, i0, nb, half, k, cancellationToken);
            passes++;
        }
        return k;
    }

    private static int PairIndex(int a, int b) => a >= b ? a * (a + 1) / 2 + b : b * (b + 1) / 2 + a;

    /// <summary>half[λσ][ii·v + a] = (i0+ii a|λσ) for λ ≥ σ.</summary>
    private static void FirstHalf(FockBuilder fock, BasisSet basis, QuartetStore? store, Matrix cOcc, Matrix cVir, int i0, int nb, double threshold,
        double[][] half, CancellationToken cancellationToken)
    {
        var n = cOcc.Rows;
        var o = cOcc.Cols;
        var v = cVir.Cols;
        var pairs = fock.Pairs;
        var count = pairs.Count;
        var maxL = basis.MaxL;
        var s = (maxL + 1) * (maxL + 2) / 2;
        var coT = cOcc.Transpose().Data;
        var cv = cVir.Data;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.For(0, count, options,
            () => (Engine: new EriEngine(maxL), Buffer: new double[FockBuilder.MaxQuartetSize(maxL)], X: new double[s * s * n * n], T1: new double[nb * n]),
            (idx, _, st) =>
            {
                var cd = count - 1 - idx; // larger shells (later pairs) first
                var ket = pairs[cd];
                int fc = ket.A.FirstFunction, fd = ket.B.FirstFunction, sc = ket.A.Size, sd = ket.B.Size;
                var kc = sc * sd;
                var nn = n * n;
                var x = st.X.AsSpan(0, kc * nn);
                x.Clear();
                var cut = threshold / ket.Schwarz;
                if (store is not null) store.Fill(cd, st.X, n);
                else
                    for (var ab = 0; ab < count; ab++)
                    {
                        var bra = pairs[ab];
                        if (bra.Schwarz < cut) continue;
                        st.Engine.Compute(bra, ket, st.Buffer);
                        Scatter(bra, kc, st.Buffer, st.X, n);
                    }
                var sameShell = ket.IndexA == ket.IndexB;
                var t1 = st.T1;
                for (var ic = 0; ic < sc; ic++)
                    for (var id = 0; id < sd; id++)
                    {
                        int lam = fc + ic, sig = fd + id;
                        if (sameShell && lam < sig) continue;
                        var xk = st.X.AsSpan((ic * sd + id) * nn, nn);
                        // first quarter: T1[ii][ν] = Σ_μ C_μi (μν|λσ); second quarter: (ia|λσ) = Σ_ν T1[ii][ν] C_νa
                        var t1s = t1.AsSpan(0, nb * n);
                        t1s.Clear();
                        Gemm.MultiplyAdd(nb, n, n, coT.AsSpan(i0 * n), n, xk, n, t1s, n);
                        var dest = half[PairIndex(lam, sig)].AsSpan(0, nb * v);
                        dest.Clear();
                        Gemm.MultiplyAdd(nb, v, n, t1s, n, cv, v, dest, v);
                    }
                return st;
            },
            _ => { });
    }

    /// <summary>X[(ic·sd + id)][μ][ν] = X[..][ν][μ] = (μν|λσ) for the functions of one bra pair.</summary>
    internal static void Scatter(ShellPair bra, int kc, ReadOnlySpan<double> values, double[] x, int n)
    {
        int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, sa = bra.A.Size, sb = bra.B.Size;
        var nn = n * n;
        var idx = 0;
        for (var ia = 0; ia < sa; ia++)
        {
            var mu = fa + ia;
            for (var ib = 0; ib < sb; ib++)
            {
                var nu = fb + ib;
                int o1 = mu * n + nu, o2 = nu * n + mu;
                for (var c = 0; c < kc; c++, idx++)
                {
                    var val = values[idx];
                    x[c * nn + o1] = val;
                    x[c * nn + o2] = val;
                }
            }
        }
    }

    /// <summary>(ia|jb) for the i of the batch from the half-transformed (ia|λσ), written as the blocks
    /// k[j][(i·v + b)·v + a] = (jb|ia) (each thread owns the i-slices of every k[j]).</summary>
    private static void SecondHalf(Matrix cOcc, Matrix cVir, int i0, int nb, double[][] half, double[][] k, CancellationToken cancellationToken)
    {
        var n = cOcc.Rows;
        var o = cOcc.Cols;
        var v = cVir.Cols;
        var coT = cOcc.Transpose().Data;
        var cvT = cVir.Transpose().Data;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
        Parallel.For(0, nb, options, () => (Z: new double[n * o * v], G: new double[n * v]),
            (ii, _, st) =>
            {
                var ov = o * v;
                var z = st.Z;
                var g = st.G;
                // third quarter, one λ at a time: G[σ][a] = (ia|λσ), Z[λ][j][a] = Σ_σ C_σj G[σ][a]
                for (var lam = 0; lam < n; lam++)
                {
                    for (var sig = 0; sig < n; sig++) half[PairIndex(lam, sig)].AsSpan(ii * v, v).CopyTo(g.AsSpan(sig * v, v));
                    var zl = z.AsSpan(lam * ov, ov);
                    zl.Clear();
                    Gemm.MultiplyAdd(o, v, n, coT, n, g, v, zl, v);
                }
                // fourth quarter, one j at a time: M[b][a] = Σ_λ C_λb Z[λ][j][a] = (ia|jb) = (jb|ia)
                var i = i0 + ii;
                var vv = v * v;
                for (var j = 0; j < o; j++)
                {
                    var block = k[j].AsSpan(i * vv, vv);
                    block.Clear();
                    Gemm.MultiplyAdd(v, v, n, cvT, n, z.AsSpan(j * v), ov, block, v);
                }
                return st;
            },
            _ => { });
    }

    /// <summary>The Schwarz-significant unique shell quartets (ab|cd), ab ≥ cd, computed once (in parallel over ab) in
    /// the engine's order [ia][ib][ic][id], with the offset of every (ab, cd) block, so that all (ab|cd) of one ket
    /// pair cd can be scattered without computing any: ab ≥ cd directly, ab &lt; cd from the stored (cd|ab).</summary>
    private sealed class QuartetStore
    {
        private readonly IReadOnlyList<ShellPair> _pairs;
        private readonly double[][] _values;
        private readonly int[][] _offsets;

        private QuartetStore(IReadOnlyList<ShellPair> pairs, double[][] values, int[][] offsets)
        {
            _pairs = pairs;
            _values = values;
            _offsets = offsets;
        }

        public static QuartetStore Build(FockBuilder fock, int maxL, double threshold, CancellationToken cancellationToken)
        {
            var pairs = fock.Pairs;
            var count = pairs.Count;
            var values = new double[count][];
            var offsets = new int[count][];
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) };
            Parallel.For(0, count, options, () => new EriEngine(maxL), (idx, _, engine) =>
            {
                var ab = count - 1 - idx;
                var bra = pairs[ab];
                var off = new int[ab + 1];
                var size = 0;
                for (var cd = 0; cd <= ab; cd++)
                {
                    if (bra.Schwarz * pairs[cd].Schwarz < threshold) { off[cd] = -1; continue; }
                    off[cd] = size;
                    size += bra.Size * pairs[cd].Size;
                }
                var v = new double[size];
                for (var cd = 0; cd <= ab; cd++)
                    if (off[cd] >= 0) engine.Compute(bra, pairs[cd], v.AsSpan(off[cd], bra.Size * pairs[cd].Size));
                values[ab] = v;
                offsets[ab] = off;
                return engine;
            }, _ => { });
            return new QuartetStore(pairs, values, offsets);
        }

        /// <summary>X[(ic·sd + id)][μ][ν] = (μν|λσ) for ket pair <paramref name="cd"/> and every bra pair (x cleared by
        /// the caller).</summary>
        public void Fill(int cd, double[] x, int n)
        {
            var ket = _pairs[cd];
            var kc = ket.Size;
            var nn = n * n;
            for (var ab = cd; ab < _pairs.Count; ab++)
            {
                var off = _offsets[ab][cd];
                if (off >= 0) Scatter(_pairs[ab], kc, _values[ab].AsSpan(off, _pairs[ab].Size * kc), x, n);
            }
            var stored = _values[cd];
            for (var ab = 0; ab < cd; ab++)
            {
                var off = _offsets[cd][ab];
                if (off < 0) continue;
                // stored as (cd|ab): [ic][id][ia][ib]
                var bra = _pairs[ab];
                int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, sa = bra.A.Size, sb = bra.B.Size;
                var block = stored.AsSpan(off, kc * sa * sb);
                var idx = 0;
                for (var c = 0; c < kc; c++)
                {
                    var xc = x.AsSpan(c * nn, nn);
                    for (var ia = 0; ia < sa; ia++)
                    {
                        var mu = fa + ia;
                        for (var ib = 0; ib < sb; ib++, idx++)
                        {
                            var nu = fb + ib;
                            var val = block[idx];
                            xc[mu * n + nu] = val;
                            xc[nu * n + mu] = val;
                        }
                    }
                }
            }
        }
    }
}
