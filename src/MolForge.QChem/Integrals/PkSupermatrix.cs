using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Integrals;

/// <summary>The closed-shell "PK" supermatrix (Raffenetti, Chem. Phys. Lett. 20, 335 (1973); the scheme behind
/// Psi4's scf_type pk): M_(pq),(rs) = (pq|rs) − ¼(pr|qs) − ¼(ps|qr) over function pairs p≥q, r≥s, stored as a
/// packed lower triangle, so that G_(pq) = Σ_(rs) M_(pq),(rs) D'_(rs) with D' the density with off-diagonal
/// pairs doubled: one symmetric matrix–vector product per SCF iteration.</summary>
internal sealed class PkSupermatrix
{
    private readonly double[] _m;
    private readonly int _n;
    private readonly int _pairs;

    private PkSupermatrix(double[] m, int n)
    {
        _m = m;
        _n = n;
        _pairs = n * (n + 1) / 2;
    }

    /// <summary>Bytes the supermatrix needs for n functions.</summary>
    public static long Bytes(int n)
    {
        long p = (long)n * (n + 1) / 2;
        return p * (p + 1) / 2 * 8;
    }

    private static int PairIndex(int a, int b) => a >= b ? a * (a + 1) / 2 + b : b * (b + 1) / 2 + a;

    /// <summary>An all-zero supermatrix for n functions.</summary>
    public static PkSupermatrix Create(int n)
    {
        var np = n * (n + 1) / 2;
        return new PkSupermatrix(new double[(long)np * (np + 1) / 2], n);
    }

    /// <summary>Adds the unique shell quartets of bra pairs [start, end) held by the caller (per bra pair its ket
    /// list and values), scattering in parallel: each worker owns a band of rows of the packed triangle.</summary>
    public void Accumulate(IReadOnlyList<ShellPair> pairs, int start, int end, int[][] kets, double[][] values)
    {
        var m = _m;
        long total = m.LongLength;
        var np = _pairs;
        var workers = Math.Max(1, Environment.ProcessorCount);
        // band boundaries with about equal numbers of elements
        var bounds = new int[workers + 1];
        for (var w = 1; w < workers; w++) bounds[w] = (int)Math.Sqrt(2.0 * total * w / workers);
        bounds[workers] = np;
        Parallel.For(0, workers, w =>
        {
            int lo = bounds[w], hi = bounds[w + 1];
            for (var ab = start; ab < end; ab++)
            {
                var bra = pairs[ab];
                // every term of a quartet (ab|cd) pairs a function of the highest-index shell of the bra (the highest of the quartet) with
                // a lower or equal one, so its row lies within A's rows: skip blocks outside this worker's band
                var top = bra.IndexA >= bra.IndexB ? bra.A : bra.B;
                var firstA = top.FirstFunction;
                var lastA = firstA + top.Size - 1;
                if (firstA * (firstA + 1) / 2 >= hi || lastA * (lastA + 1) / 2 + lastA < lo) continue;
                var v = values[ab];
                var offset = 0;
                foreach (var cd in kets[ab])
                {
                    var ket = pairs[cd];
                    Scatter(bra, ket, ab == cd, v.AsSpan(offset, bra.Size * ket.Size), m, lo, hi);
                    offset += bra.Size * ket.Size;
                }
            }
        });
    }

    private static void Scatter(ShellPair bra, ShellPair ket, bool samePair, ReadOnlySpan<double> v, double[] m, int lo, int hi)
    {
        var deg = (bra.IndexA == bra.IndexB ? 1.0 : 2.0) * (ket.IndexA == ket.IndexB ? 1.0 : 2.0) * (samePair ? 1.0 : 2.0);
        int fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, fc = ket.A.FirstFunction, fd = ket.B.FirstFunction;
        int sa = bra.A.Size, sb = bra.B.Size, sc = ket.A.Size, sd = ket.B.Size;
        var x = 0;
        for (var ia = 0; ia < sa; ia++)
        {
            var i = fa + ia;
            for (var ib = 0; ib < sb; ib++)
            {
                var j = fb + ib;
                var pij = PairIndex(i, j);
                for (var ic = 0; ic < sc; ic++)
                {
                    var k = fc + ic;
                    int pik = PairIndex(i, k), pjk = PairIndex(j, k);
                    for (var id = 0; id < sd; id++, x++)
                    {
                        var w = v[x] * deg;
                        if (w == 0) continue;
                        var l = fd + id;
                        // the six digest terms of the eight-fold quartet, merged with their transposes
                        Add(m, pij, PairIndex(k, l), 0.5 * w, i == j, k == l, lo, hi);
                        Add(m, pik, PairIndex(j, l), -0.125 * w, i == k, j == l, lo, hi);
                        Add(m, PairIndex(i, l), pjk, -0.125 * w, i == l, j == k, lo, hi);
                    }
                }
            }
        }
    }

    private static void Add(double[] m, int p, int q, double c, bool pDiagonal, bool qDiagonal, int lo, int hi)
    {
        int big = p >= q ? p : q, small = p >= q ? q : p;
        if (big < lo || big >= hi) return;
        if (p == q) c *= 2;
        if (!pDiagonal) c *= 0.5;
        if (!qDiagonal) c *= 0.5;
        m[(long)big * (big + 1) / 2 + small] += c;
    }

    /// <summary>G(D) = J − ½K for a total density D.</summary>
    public Matrix Build(Matrix density)
    {
        var n = _n;
        var np = _pairs;
        var d = new double[np];
        for (var a = 0; a < n; a++)
            for (var b = 0; b <= a; b++) d[a * (a + 1) / 2 + b] = a == b ? density[a, b] : density[a, b] + density[b, a];
        var workers = Math.Max(1, Environment.ProcessorCount);
        var partial = new double[workers][];
        long total = (long)np * (np + 1) / 2;
        var bounds = new int[workers + 1];
        for (var w = 1; w < workers; w++) bounds[w] = (int)Math.Sqrt(2.0 * total * w / workers);
        bounds[workers] = np;
        var m = _m;
        Parallel.For(0, workers, w =>
        {
            var y = new double[np];
            for (var i = bounds[w]; i < bounds[w + 1]; i++)
            {
                var row = m.AsSpan((int)((long)i * (i + 1) / 2), i + 1);
                // y_i += Σ_{j≤i} M_ij d_j ; y_j += M_ij d_i (j < i)
                y[i] += System.Numerics.Tensors.TensorPrimitives.Dot(row, d.AsSpan(0, i + 1));
                var di = d[i];
                if (di != 0)
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row[..i], di, y.AsSpan(0, i), y.AsSpan(0, i));
            }
            partial[w] = y;
        });
        var g = new Matrix(n, n);
        for (var a = 0; a < n; a++)
            for (var b = 0; b <= a; b++)
            {
                double s = 0;
                var idx = a * (a + 1) / 2 + b;
                for (var w = 0; w < workers; w++) s += partial[w][idx];
                g[a, b] = s;
                g[b, a] = s;
            }
        return g;
    }
}
