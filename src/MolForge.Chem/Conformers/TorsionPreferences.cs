using MolForge.Chem.Core;
using MolForge.Chem.ForceFields;

namespace MolForge.Chem.Conformers;

/// <summary>ETKDG-style 3D refinement (Riniker &amp; Landrum 2015): the distance-geometry geometry is minimised
/// against experimental torsion preferences for common fragments (a small set, written as Fourier terms
/// E = V (1 + s cos(mφ)) as in ETKDG) plus "basic knowledge" (planar sp2 centres), while 1-2 and 1-3
/// distances are held inside their bounds. Fragments:
/// secondary amides O=C–N–H anti (trans amide), esters and acids O=C–O–X syn (Z), conjugated non-ring
/// single bonds between sp2 centres planar (not biaryls, which twist), sp3–sp3 bonds staggered.</summary>
internal sealed class TorsionPreferences : IEnergyFunction
{
    private readonly List<(int I, int J, int K, int L, double V, int M, double S)> _torsions = [];
    private readonly List<(int I, int J, double Lo, double Hi)> _distances = [];
    private readonly List<(int C, int N0, int N1, int N2)> _planar;
    private readonly int _n;

    private TorsionPreferences(EmbeddingGraph g, BoundsMatrix bounds)
    {
        _n = g.AtomCount;
        _planar = g.PlanarCentres;
        var m = g.Molecule;
        for (var i = 0; i < _n; i++)
        {
            for (var j = i + 1; j < _n; j++)
            {
                var rel = bounds.Relation[(i * _n) + j];
                if (rel is 1 or 2) _distances.Add((i, j, bounds.Lower(i, j), bounds.Upper(i, j)));
            }
        }
        foreach (var bond in m.Bonds)
        {
            if (bond.Order != BondOrder.Single || g.Rings.IsRingBond(bond.Begin, bond.End)) continue;
            int j = bond.Begin, k = bond.End;
            if (m.Degree(j) < 2 || m.Degree(k) < 2) continue;
            if (AddAmideOrEster(m, j, k) || AddAmideOrEster(m, k, j)) continue;
            bool pj = Planar(g, j), pk = Planar(g, k);
            if (pj && pk)
            {
                if (g.Rings.IsInRing(j) && g.Rings.IsInRing(k)) continue; // biaryls twist
                var (i, l) = (FirstOther(m, j, k), FirstOther(m, k, j));
                _torsions.Add((i, j, k, l, 1.0, 2, -1.0)); // planar: minima at 0 and 180
                continue;
            }
            if (IsSp3(m, j) && IsSp3(m, k))
            {
                var (i, l) = (FirstOther(m, j, k), FirstOther(m, k, j));
                _torsions.Add((i, j, k, l, 0.5, 3, 1.0)); // staggered: minima at 60, 180, 300
            }
        }
    }

    private bool AddAmideOrEster(Molecule m, int c, int x)
    {
        if (m.GetAtom(c).AtomicNumber != 6) return false;
        var carbonylO = -1;
        foreach (var b in m.BondsOf(c))
        {
            var bond = m.GetBond(b);
            var o = bond.OtherAtom(c);
            if (bond.Order == BondOrder.Double && m.GetAtom(o).AtomicNumber == 8) carbonylO = o;
        }
        if (carbonylO < 0) return false;
        var zx = m.GetAtom(x).AtomicNumber;
        if (zx == 7 && m.Degree(x) == 3)
        {
            var h = -1;
            var heavy = 0;
            foreach (var nb in m.NeighborsOf(x))
            {
                if (nb == c) continue;
                if (m.GetAtom(nb).AtomicNumber == 1) h = nb;
                else heavy++;
            }
            if (h < 0 || heavy != 1) return false;
            _torsions.Add((carbonylO, c, x, h, 7.0, 1, 1.0)); // O=C-N-H at 180 (trans amide)
            return true;
        }
        if (zx == 8 && m.Degree(x) == 2)
        {
            var other = FirstOther(m, x, c);
            _torsions.Add((carbonylO, c, x, other, 5.0, 1, -1.0)); // O=C-O-X at 0 (Z ester / acid)
            return true;
        }
        return false;
    }

    private static bool Planar(EmbeddingGraph g, int a)
    {
        foreach (var p in g.PlanarCentres)
            if (p.Centre == a) return true;
        return false;
    }

    private static bool IsSp3(Molecule m, int a) =>
        m.Degree(a) == 4 && m.GetAtom(a).AtomicNumber is 6 or 7 or 14;

    private static int FirstOther(Molecule m, int a, int not)
    {
        foreach (var nb in m.NeighborsOf(a))
            if (nb != not && m.GetAtom(nb).AtomicNumber != 1) return nb;
        foreach (var nb in m.NeighborsOf(a))
            if (nb != not) return nb;
        return not;
    }

    public int Dimension => 3 * _n;

    /// <summary>Minimises <paramref name="x"/> (3D, flat) in place.</summary>
    public static void Refine(EmbeddingGraph g, BoundsMatrix bounds, double[] x)
    {
        var f = new TorsionPreferences(g, bounds);
        Lbfgs.Minimize(f, x, new LbfgsOptions(MaxIterations: 300, GradientTolerance: 1e-3));
    }

    public double Energy(ReadOnlySpan<double> x)
    {
        Span<double> g = new double[x.Length];
        return EnergyAndGradient(x, g);
    }

    public double EnergyAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        var e = 0.0;
        const double kd = 100.0;
        foreach (var (i, j, lo, hi) in _distances)
        {
            var r = Geometry.Distance(x, 3, i, j);
            double dev;
            if (r > hi) dev = r - hi;
            else if (r < lo) dev = r - lo;
            else continue;
            e += kd * dev * dev;
            Geometry.AddDistanceGradient(x, g, i, j, r, 2.0 * kd * dev);
        }
        foreach (var (i, j, k, l, v, mm, s) in _torsions)
        {
            var phi = Geometry.Dihedral(x, i, j, k, l, out var b1, out var b2, out var b3, out var m, out var n);
            e += v * (1.0 + (s * Math.Cos(mm * phi)));
            Geometry.AddDihedralGradient(g, i, j, k, l, b1, b2, b3, m, n, -v * s * mm * Math.Sin(mm * phi));
        }
        const double kp = 10.0;
        foreach (var (c, n0, n1, n2) in _planar)
        {
            var a = V3.At(x, n0) - V3.At(x, c);
            var b = V3.At(x, n1) - V3.At(x, c);
            var d = V3.At(x, n2) - V3.At(x, c);
            var vol = V3.Dot(a, V3.Cross(b, d));
            e += kp * vol * vol;
            var f = 2.0 * kp * vol;
            var ga = V3.Cross(b, d) * f;
            var gb = V3.Cross(d, a) * f;
            var gd = V3.Cross(a, b) * f;
            ga.AddTo(g, n0);
            gb.AddTo(g, n1);
            gd.AddTo(g, n2);
            (-(ga + gb + gd)).AddTo(g, c);
        }
        return e;
    }
}
