using MolForge.Chem.Core;
using MolForge.Chem.ForceFields;

namespace MolForge.Chem.Conformers;

/// <summary>Distance bounds between all atom pairs from the topology (Crippen &amp; Havel 1988; the way RDKit's
/// BoundsMatrixBuilder sets them up for ETKDG, Riniker &amp; Landrum 2015): 1-2 from ideal bond lengths, 1-3 from
/// ideal angles, 1-4 from cis/trans distances (exact for double bonds with known stereo and for planar ring
/// bonds), van der Waals lower bounds for the rest; then triangle smoothing. Stored row-major N×N: upper
/// bounds above the diagonal, lower bounds below it.</summary>
internal sealed class BoundsMatrix
{
    private const double Bond12Tolerance = 0.01;
    private const double Angle13Tolerance = 0.04;
    private const double Torsion14Tolerance = 0.06;
    private const double VdwScale = 0.7;
    private const double FarUpper = 1000.0;

    private readonly double[] _m;

    public int N { get; }

    private BoundsMatrix(int n)
    {
        N = n;
        _m = new double[n * n];
    }

    public double Upper(int i, int j) => i < j ? _m[(i * N) + j] : _m[(j * N) + i];
    public double Lower(int i, int j) => i < j ? _m[(j * N) + i] : _m[(i * N) + j];

    private void SetUpper(int i, int j, double v)
    {
        if (i < j) _m[(i * N) + j] = v;
        else _m[(j * N) + i] = v;
    }

    private void SetLower(int i, int j, double v)
    {
        if (i < j) _m[(j * N) + i] = v;
        else _m[(i * N) + j] = v;
    }

    /// <summary>Path length (1 = bonded, 2 = 1-3, 3 = 1-4, 0 = farther) for every pair.</summary>
    public byte[] Relation { get; private set; } = [];

    /// <summary>Builds and smooths the bounds for <paramref name="g"/>.</summary>
    public static BoundsMatrix Build(EmbeddingGraph g)
    {
        var n = g.AtomCount;
        var bm = new BoundsMatrix(n);
        var rel = new byte[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                bm.SetUpper(i, j, FarUpper);
                bm.SetLower(i, j, VdwScale * (g.VdwRadius(i) + g.VdwRadius(j)));
            }
        }
        // 1-2
        foreach (var bond in g.Molecule.Bonds)
        {
            var r = g.BondLength(bond.Begin, bond.End);
            bm.SetBounds(bond.Begin, bond.End, r - Bond12Tolerance, r + Bond12Tolerance);
            rel[(bond.Begin * n) + bond.End] = rel[(bond.End * n) + bond.Begin] = 1;
        }
        // 1-3
        for (var j = 0; j < n; j++)
        {
            var nb = g.Molecule.NeighborsOf(j);
            for (var x = 0; x < nb.Length; x++)
            {
                for (var y = x + 1; y < nb.Length; y++)
                {
                    int i = nb[x], k = nb[y];
                    if (rel[(i * n) + k] == 1) continue;
                    var d = Law13(g.BondLength(i, j), g.BondLength(j, k), g.Angle(i, j, k));
                    if (rel[(i * n) + k] == 2)
                    {
                        // Two paths (4-rings): keep the widest consistent window.
                        bm.SetBounds(i, k, Math.Min(bm.Lower(i, k), d - Angle13Tolerance), Math.Max(bm.Upper(i, k), d + Angle13Tolerance));
                        continue;
                    }
                    bm.SetBounds(i, k, d - Angle13Tolerance, d + Angle13Tolerance);
                    rel[(i * n) + k] = rel[(k * n) + i] = 2;
                }
            }
        }
        // 1-4
        foreach (var bond in g.Molecule.Bonds)
        {
            int j = bond.Begin, k = bond.End;
            foreach (var i in g.Molecule.NeighborsOf(j))
            {
                if (i == k) continue;
                foreach (var l in g.Molecule.NeighborsOf(k))
                {
                    if (l == j || l == i) continue;
                    var r = rel[(i * n) + l];
                    if (r is 1 or 2) continue;
                    var a = g.BondLength(i, j);
                    var b = g.BondLength(j, k);
                    var c = g.BondLength(k, l);
                    var t1 = g.Angle(i, j, k);
                    var t2 = g.Angle(j, k, l);
                    var dCis = Law14(a, b, c, t1, t2, 0.0);
                    var dTrans = Law14(a, b, c, t1, t2, Math.PI);
                    double lo, hi;
                    switch (g.TorsionKind(i, j, k, l))
                    {
                        case TorsionConstraint.Cis:
                            lo = dCis - Torsion14Tolerance;
                            hi = dCis + Torsion14Tolerance;
                            break;
                        case TorsionConstraint.Trans:
                            lo = dTrans - Torsion14Tolerance;
                            hi = dTrans + Torsion14Tolerance;
                            break;
                        case TorsionConstraint.SmallRing:
                            lo = dCis - Torsion14Tolerance;
                            hi = Law14(a, b, c, t1, t2, 75.0 * Math.PI / 180.0);
                            break;
                        default:
                            lo = dCis - Torsion14Tolerance;
                            hi = dTrans + Torsion14Tolerance;
                            break;
                    }
                    if (r == 3)
                    {
                        lo = Math.Min(lo, bm.Lower(i, l));
                        hi = Math.Max(hi, bm.Upper(i, l));
                    }
                    bm.SetBounds(i, l, lo, hi);
                    rel[(i * n) + l] = rel[(l * n) + i] = 3;
                }
            }
        }
        bm.Relation = rel;
        bm.Smooth();
        return bm;
    }

    private void SetBounds(int i, int j, double lo, double hi)
    {
        SetLower(i, j, lo);
        SetUpper(i, j, hi);
    }

    /// <summary>1-3 distance from two bond lengths and the angle between them.</summary>
    public static double Law13(double a, double b, double theta) => Math.Sqrt((a * a) + (b * b) - (2 * a * b * Math.Cos(theta)));

    /// <summary>1-4 distance for bond lengths a, b, c, angles t1 (at j), t2 (at k) and dihedral phi.</summary>
    public static double Law14(double a, double b, double c, double t1, double t2, double phi)
    {
        // j at the origin, k on +x; i in the xy plane; l rotated by phi about the j-k axis.
        double ix = a * Math.Cos(t1), iy = a * Math.Sin(t1);
        double lx = b - (c * Math.Cos(t2)), ly = c * Math.Sin(t2) * Math.Cos(phi), lz = c * Math.Sin(t2) * Math.Sin(phi);
        double dx = lx - ix, dy = ly - iy;
        return Math.Sqrt((dx * dx) + (dy * dy) + (lz * lz));
    }

    /// <summary>Triangle-inequality smoothing (Floyd-Warshall style, Dress &amp; Havel 1988): u_ij ≤ u_ik + u_kj,
    /// l_ij ≥ l_ik − u_kj. Where a lower bound ends above its upper bound both are set to their mean.</summary>
    public void Smooth()
    {
        var n = N;
        var m = _m;
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n - 1; i++)
            {
                if (i == k) continue;
                var uik = Upper(i, k);
                var lik = Lower(i, k);
                for (var j = i + 1; j < n; j++)
                {
                    if (j == k) continue;
                    var ukj = Upper(k, j);
                    var lkj = Lower(k, j);
                    var ij = (i * n) + j;
                    var ji = (j * n) + i;
                    var sum = uik + ukj;
                    if (m[ij] > sum) m[ij] = sum;
                    var d1 = lik - ukj;
                    var d2 = lkj - uik;
                    if (m[ji] < d1) m[ji] = d1;
                    if (m[ji] < d2) m[ji] = d2;
                    if (m[ji] > m[ij])
                    {
                        var mid = 0.5 * (m[ji] + m[ij]);
                        m[ji] = mid;
                        m[ij] = mid;
                    }
                }
            }
        }
    }
}

/// <summary>How a 1-4 pair is constrained.</summary>
internal enum TorsionConstraint
{
    Free,
    Cis,
    Trans,
    SmallRing,
}
