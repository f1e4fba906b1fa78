using MolForge.QChem.Basis;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Integrals;

/// <summary>Builds the two-electron part of the closed-shell Fock matrix, G(D) = J(D) − ½K(D) for a total density D,
/// over unique shell quartets (eight-fold permutational symmetry, libint-style degeneracy factors) with Schwarz
/// screening (Häser &amp; Ahlrichs, J. Comput. Chem. 10, 104 (1989)) weighted by the largest density element the
/// quartet touches. Integrals are stored in memory when they fit the configured budget, otherwise computed
/// again on each call (direct SCF, Almlöf, Faegri &amp; Korsell 1982). Parallel over bra shell pairs with
/// thread-local G matrices.</summary>
internal sealed class FockBuilder
{
    private readonly BasisSet _basis;
    private readonly ShellPair[] _pairs;
    private readonly int _n;
    private readonly double _threshold;
    private readonly int _maxL;
    private readonly int[][]? _storedKets;
    private readonly double[][]? _storedValues;
    private readonly PkSupermatrix? _pk;
    private readonly int[] _order;

    /// <summary>Primitive-quartet cutoff for the Fock-build integrals (not for the Schwarz diagonals, which keep
    /// <see cref="EriEngine.PrimitiveQuartetThreshold"/> because their square roots multiply large partners).</summary>
    internal const double PrimitiveThreshold = 1e-17;

    public FockBuilder(BasisSet basis, double threshold, long maxStoredBytes, long pkBatchBytes = PkBatchBytes)
    {
        _basis = basis;
        _n = basis.FunctionCount;
        _threshold = threshold;
        _maxL = basis.MaxL;
        var shells = basis.Shells;
        var pairs = new List<ShellPair>();
        for (var i = 0; i < shells.Count; i++)
            for (var j = 0; j <= i; j++) pairs.Add(new ShellPair(shells[i], shells[j], i, j));
        // Schwarz factors from the diagonal quartets (ab|ab)
        var all = pairs.ToArray();
        Parallel.For(0, all.Length, () => (new EriEngine(_maxL), new double[MaxQuartetSize(_maxL)]), (k, _, st) =>
        {
            var p = all[k];
            st.Item1.Compute(p, p, st.Item2);
            double max = 0;
            var s = p.Size;
            for (var x = 0; x < s; x++) max = Math.Max(max, Math.Abs(st.Item2[x * s + x]));
            p.Schwarz = Math.Sqrt(max);
            return st;
        }, _ => { });
        var maxQ = all.Length == 0 ? 0 : all.Max(p => p.Schwarz);
        _pairs = all.Where(p => p.Schwarz * maxQ >= threshold && p.Count > 0).ToArray();
        SignificantPairs = _pairs.Length;
        // Work per bra pair grows with its index: schedule the largest first
        _order = Enumerable.Range(0, _pairs.Length).Reverse().ToArray();

        // integrals per bra pair over its Schwarz-significant kets
        var perBra = new long[_pairs.Length];
        long count = 0;
        for (var ab = 0; ab < _pairs.Length; ab++)
        {
            for (var cd = 0; cd <= ab; cd++)
                if (_pairs[ab].Schwarz * _pairs[cd].Schwarz >= threshold) perBra[ab] += _pairs[cd].Size;
            perBra[ab] *= _pairs[ab].Size;
            count += perBra[ab];
        }
        IntegralCount = count;
        // The PK supermatrix is filled from the quartet list in batches of bra pairs, so the list is never held whole
        // next to the supermatrix when it is larger than PkBatchBytes (drug-sized STO-3G runs: 57M integrals next to a
        // 1.7 GB supermatrix for 203 functions).
        var batchBytes = Math.Min(count * 8, pkBatchBytes);
        if (batchBytes + PkSupermatrix.Bytes(_n) <= maxStoredBytes)
        {
            var pk = PkSupermatrix.Create(_n);
            var batchLimit = Math.Max(1, batchBytes / 8);
            var start = 0;
            while (start < _pairs.Length)
            {
                var end = start;
                long inBatch = 0;
                while (end < _pairs.Length && (end == start || inBatch + perBra[end] <= batchLimit)) inBatch += perBra[end++];
                var (kets, values) = ComputeQuartets(start, end, threshold);
                pk.Accumulate(_pairs, start, end, kets, values);
                start = end;
            }
            _pk = pk;
        }
        else if (count * 8 + (long)_pairs.Length * _pairs.Length * 2 <= maxStoredBytes)
            (_storedKets, _storedValues) = ComputeQuartets(0, _pairs.Length, threshold);
    }

    /// <summary>Largest quartet batch held while the PK supermatrix is filled (bytes).</summary>
    internal const long PkBatchBytes = 256L << 20;

    /// <summary>The significant quartets of bra pairs [start, end): per bra pair its ket list and values (entries
    /// outside the range are null).</summary>
    private (int[][] Kets, double[][] Values) ComputeQuartets(int start, int end, double threshold)
    {
        var storedKets = new int[_pairs.Length][];
        var storedValues = new double[_pairs.Length][];
        // work per bra pair grows with its index: largest first
        Parallel.For(0, end - start, () => (new EriEngine(_maxL, PrimitiveThreshold), new double[MaxQuartetSize(_maxL)]), (idx, _, st) =>
        {
            var ab = end - 1 - idx;
            var bra = _pairs[ab];
            var kets = new List<int>();
            long size = 0;
            for (var cd = 0; cd <= ab; cd++)
                if (bra.Schwarz * _pairs[cd].Schwarz >= threshold) { kets.Add(cd); size += _pairs[cd].Size; }
            var values = new double[size * bra.Size];
            var offset = 0;
            foreach (var cd in kets)
            {
                var len = bra.Size * _pairs[cd].Size;
                st.Item1.Compute(bra, _pairs[cd], values.AsSpan(offset, len));
                offset += len;
            }
            storedKets[ab] = [.. kets];
            storedValues[ab] = values;
            return st;
        }, _ => { });
        return (storedKets, storedValues);
    }

    /// <summary>Shell pairs that survive Schwarz screening.</summary>
    public int SignificantPairs { get; }

    /// <summary>Integrals in Schwarz-significant unique quartets.</summary>
    public long IntegralCount { get; }

    /// <summary>True when the integrals are held in memory.</summary>
    public bool Stored => _storedValues is not null || _pk is not null;

    /// <summary>True when G is built from the PK supermatrix.</summary>
    public bool UsesSupermatrix => _pk is not null;

    internal IReadOnlyList<ShellPair> Pairs => _pairs;

    internal static int MaxQuartetSize(int maxL)
    {
        var s = (maxL + 1) * (maxL + 2) / 2;
        return s * s * s * s;
    }

    /// <summary>G(D) = J − ½K for the total density <paramref name="density"/>.</summary>
    public Matrix Build(Matrix density)
    {
        if (_pk is not null) return _pk.Build(density);
        var n = _n;
        var d = density.Data;
        var shells = _basis.Shells;
        var nsh = shells.Count;
        // largest |D| per shell block, for density-weighted screening
        var dmax = new double[nsh * nsh];
        for (var a = 0; a < nsh; a++)
            for (var b = 0; b < nsh; b++)
            {
                double m = 0;
                for (var i = 0; i < shells[a].Size; i++)
                    for (var j = 0; j < shells[b].Size; j++)
                        m = Math.Max(m, Math.Abs(d[(shells[a].FirstFunction + i) * n + shells[b].FirstFunction + j]));
                dmax[a * nsh + b] = m;
            }
        var total = new double[n * n];
        var gate = new object();
        Parallel.For(0, _pairs.Length,
            () => new ThreadState(_maxL, n, PrimitiveThreshold),
            (idx, _, st) =>
            {
                var ab = _order[idx];
                var bra = _pairs[ab];
                int ia = bra.IndexA, ib = bra.IndexB;
                var dab = dmax[ia * nsh + ib];
                if (_storedValues is not null)
                {
                    var kets = _storedKets![ab];
                    var values = _storedValues[ab];
                    var offset = 0;
                    foreach (var cd in kets)
                    {
                        var ket = _pairs[cd];
                        var len = bra.Size * ket.Size;
                        if (Significant(bra, ket, dab, dmax, nsh))
                            Digest(bra, ket, ab == cd, values.AsSpan(offset, len), d, st.G, n);
                        offset += len;
                    }
                }
                else
                {
                    for (var cd = 0; cd <= ab; cd++)
                    {
                        var ket = _pairs[cd];
                        if (bra.Schwarz * ket.Schwarz < _threshold || !Significant(bra, ket, dab, dmax, nsh)) continue;
                        st.Engine.Compute(bra, ket, st.Buffer);
                        Digest(bra, ket, ab == cd, st.Buffer, d, st.G, n);
                    }
                }
                return st;
            },
            st =>
            {
                lock (gate) System.Numerics.Tensors.TensorPrimitives.Add(total, st.G, total);
            });
        var g = new Matrix(n, n);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) g.Data[i * n + j] = 0.5 * (total[i * n + j] + total[j * n + i]);
        return g;
    }

    /// <summary>Coulomb matrices J(D)_μν = Σ (μν|λσ) D_λσ for several symmetric densities in one pass over the
    /// integrals.</summary>
    public Matrix[] BuildCoulomb(IReadOnlyList<Matrix> densities)
    {
        var n = _n;
        var m = densities.Count;
        var ds = densities.Select(x => x.Data).ToArray();
        var totals = new double[m][];
        for (var k = 0; k < m; k++) totals[k] = new double[n * n];
        var gate = new object();
        Parallel.For(0, _pairs.Length,
            () => (Engine: new EriEngine(_maxL), Buffer: new double[MaxQuartetSize(_maxL)], J: Enumerable.Range(0, m).Select(_ => new double[n * n]).ToArray()),
            (idx, _, st) =>
            {
                var ab = _order[idx];
                var bra = _pairs[ab];
                var offset = 0;
                for (var cd = 0; cd <= ab; cd++)
                {
                    var ket = _pairs[cd];
                    if (bra.Schwarz * ket.Schwarz < _threshold) continue;
                    var len = bra.Size * ket.Size;
                    ReadOnlySpan<double> values;
                    if (_storedValues is not null)
                    {
                        values = _storedValues[ab].AsSpan(offset, len);
                        offset += len;
                    }
                    else
                    {
                        st.Engine.Compute(bra, ket, st.Buffer);
                        values = st.Buffer.AsSpan(0, len);
                    }
                    for (var k = 0; k < m; k++) DigestCoulomb(bra, ket, ab == cd, values, ds[k], st.J[k], n);
                }
                return st;
            },
            st =>
            {
                lock (gate)
                    for (var k = 0; k < m; k++) System.Numerics.Tensors.TensorPrimitives.Add(totals[k], st.J[k], totals[k]);
            });
        var result = new Matrix[m];
        for (var k = 0; k < m; k++)
        {
            var t = totals[k];
            var j = new Matrix(n, n);
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++) j.Data[a * n + b] = 0.5 * (t[a * n + b] + t[b * n + a]);
            result[k] = j;
        }
        return result;
    }

    private static void DigestCoulomb(ShellPair bra, ShellPair ket, bool samePair, ReadOnlySpan<double> v, double[] d, double[] g, int n)
    {
        var j = 0.5 * (bra.IndexA == bra.IndexB ? 1.0 : 2.0) * (ket.IndexA == ket.IndexB ? 1.0 : 2.0) * (samePair ? 1.0 : 2.0);
        int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, fc = ket.A.FirstFunction, fd = ket.B.FirstFunction;
        int sa = bra.A.Size, sb = bra.B.Size, sc = ket.A.Size, sd = ket.B.Size;
        var x = 0;
        for (var ia = 0; ia < sa; ia++)
            for (var ib = 0; ib < sb; ib++)
            {
                int p = fa + ia, q = fb + ib;
                var dpq = d[p * n + q];
                double gpq = 0;
                for (var ic = 0; ic < sc; ic++)
                {
                    var r = fc + ic;
                    for (var id = 0; id < sd; id++, x++)
                    {
                        var val = v[x] * j;
                        var s = fd + id;
                        gpq += d[r * n + s] * val;
                        g[r * n + s] += dpq * val;
                    }
                }
                g[p * n + q] += gpq;
            }
    }

    private bool Significant(ShellPair bra, ShellPair ket, double dab, double[] dmax, int nsh)
    {
        int a = bra.IndexA, b = bra.IndexB, c = ket.IndexA, e = ket.IndexB;
        var m = Math.Max(Math.Max(dab, dmax[c * nsh + e]),
            Math.Max(Math.Max(dmax[a * nsh + c], dmax[b * nsh + e]), Math.Max(dmax[a * nsh + e], dmax[b * nsh + c])));
        return bra.Schwarz * ket.Schwarz * m >= _threshold;
    }

    /// <summary>Adds one unique shell quartet's contributions to the (unsymmetrised) G; libint's Hartree–Fock
    /// example weighting: J terms ½·deg, K terms ⅛·deg for the total density, then G ← (G + Gᵀ)/2.</summary>
    private static void Digest(ShellPair bra, ShellPair ket, bool samePair, ReadOnlySpan<double> v, double[] d, double[] g, int n)
    {
        var deg = (bra.IndexA == bra.IndexB ? 1.0 : 2.0) * (ket.IndexA == ket.IndexB ? 1.0 : 2.0) * (samePair ? 1.0 : 2.0);
        var j = 0.5 * deg;
        var k = 0.125 * deg;
        int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, fc = ket.A.FirstFunction, fd = ket.B.FirstFunction;
        int sa = bra.A.Size, sb = bra.B.Size, sc = ket.A.Size, sd = ket.B.Size;
        var x = 0;
        for (var ia = 0; ia < sa; ia++)
        {
            var p = fa + ia;
            for (var ib = 0; ib < sb; ib++)
            {
                var q = fb + ib;
                var dpq = d[p * n + q];
                double gpq = 0;
                for (var ic = 0; ic < sc; ic++)
                {
                    var r = fc + ic;
                    var dpr = d[p * n + r];
                    var dqr = d[q * n + r];
                    double gpr = 0, gqr = 0;
                    for (var id = 0; id < sd; id++, x++)
                    {
                        var val = v[x];
                        if (val == 0) continue;
                        var s = fd + id;
                        gpq += j * d[r * n + s] * val;
                        g[r * n + s] += j * dpq * val;
                        gpr -= k * d[q * n + s] * val;
                        g[q * n + s] -= k * dpr * val;
                        g[p * n + s] -= k * dqr * val;
                        gqr -= k * d[p * n + s] * val;
                    }
                    g[p * n + r] += gpr;
                    g[q * n + r] += gqr;
                }
                g[p * n + q] += gpq;
            }
        }
    }

    private sealed class ThreadState(int maxL, int n, double primitiveThreshold)
    {
        public EriEngine Engine { get; } = new(maxL, primitiveThreshold);
        public double[] Buffer { get; } = new double[MaxQuartetSize(maxL)];
        public double[] G { get; } = new double[n * n];
    }
}
