using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Uff;

/// <summary>Energy terms of UFF, in kcal/mol.</summary>
public readonly record struct UffEnergyTerms(double Bond, double Angle, double Torsion, double Inversion, double VanDerWaals)
{
    /// <summary>Sum of all terms.</summary>
    public double Total => Bond + Angle + Torsion + Inversion + VanDerWaals;
}

/// <summary>The Universal Force Field (Rappé, Casewit, Colwell, Goddard, Skiff, J. Am. Chem. Soc. 1992, 114, 10024)
/// set up for one molecule as RDKit's UFFGetMoleculeForceField does: harmonic bond stretch with the UFF rest length
/// (Pauling bond-order and O'Keefe-Breese electronegativity corrections), Fourier angle bend (linear, trigonal and
/// square-planar/octahedral special forms), torsion, inversion (sp2 C/N/O and group 15), Lennard-Jones 12-6 between
/// atoms more than two bonds apart within one fragment, no electrostatics. Coordinates x0, y0, z0, x1, ... in Å.</summary>
public sealed class UffForceField : IEnergyFunction
{
    private const double Lambda = 0.1332;
    private const double G = 332.06;

    private readonly (int I, int J, double K, double R0)[] _bonds;
    private readonly (int I, int J, int K, double Ka, int Order, double C0, double C1, double C2)[] _angles;
    private readonly (int I, int J, int K, int L, double V, int N, double CosTerm)[] _torsions;
    private readonly (int I, int J, int K, int L, double K0, double C0, double C1, double C2)[] _inversions;
    private readonly (int I, int J, double X, double D)[] _vdw;

    /// <summary>Number of atoms.</summary>
    public int AtomCount { get; }

    /// <summary>UFF atom type labels (e.g. C_3, C_R, B_2, Se3+2).</summary>
    public IReadOnlyList<string> AtomTypes { get; }

    /// <inheritdoc />
    public int Dimension => 3 * AtomCount;

    private UffForceField(int n, string[] labels, (int, int, double, double)[] bonds, (int, int, int, double, int, double, double, double)[] angles,
        (int, int, int, int, double, int, double)[] torsions, (int, int, int, int, double, double, double, double)[] inversions, (int, int, double, double)[] vdw)
    {
        AtomCount = n;
        AtomTypes = labels;
        _bonds = bonds;
        _angles = angles;
        _torsions = torsions;
        _inversions = inversions;
        _vdw = vdw;
    }

    /// <summary>True when every atom of <paramref name="molecule"/> has UFF parameters.</summary>
    public static bool CanType(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var t = new UffTyper(molecule);
        foreach (var l in t.Labels)
            if (UffParameters.Get(l) is null) return false;
        return true;
    }

    /// <summary>UFF rest length (Å) of a bond of order <paramref name="bondOrder"/> between two atom types
    /// (Rappé 1992 eq. 2-4, with the electronegativity correction subtracted as RDKit does).</summary>
    internal static double RestLength(double bondOrder, UffAtomParameters a, UffAtomParameters b)
    {
        var rBo = -Lambda * (a.R1 + b.R1) * Math.Log(bondOrder);
        var d = Math.Sqrt(a.Xi) - Math.Sqrt(b.Xi);
        var rEn = a.R1 * b.R1 * d * d / ((a.Xi * a.R1) + (b.Xi * b.R1));
        return a.R1 + b.R1 + rBo - rEn;
    }

    private static bool InGroup6(int z) => z is 8 or 16 or 34 or 52 or 84;

    /// <summary>Sets up UFF for a molecule whose hydrogens are explicit atoms. Aromatic bonds (order Aromatic or
    /// flagged aromatic) count as order 1.5.</summary>
    /// <exception cref="UffTypingException">An atom UFF has no parameters for.</exception>
    public static UffForceField Create(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var m = molecule;
        var n = m.AtomCount;
        var t = new UffTyper(m);
        var p = new UffAtomParameters[n];
        for (var a = 0; a < n; a++)
        {
            if (m.GetAtom(a).TotalHydrogensOnAtom != 0)
                throw new ArgumentException($"Atom {a} carries implicit hydrogens; UFF needs every hydrogen as an atom.", nameof(molecule));
            p[a] = UffParameters.Get(t.Labels[a])
                ?? throw new UffTypingException($"Atom {a} ({Elements.Symbol(m.GetAtom(a).AtomicNumber)}): no UFF parameters for type '{t.Labels[a]}'.");
        }
        var bo = t.BondOrder;
        var hyb = t.Hybridization;

        var bonds = new List<(int, int, double, double)>();
        for (var b = 0; b < m.BondCount; b++)
        {
            var bond = m.GetBond(b);
            var r0 = RestLength(bo[b], p[bond.Begin], p[bond.End]);
            var k = 2.0 * G * p[bond.Begin].Z1 * p[bond.End].Z1 / (r0 * r0 * r0);
            bonds.Add((bond.Begin, bond.End, k, r0));
        }

        var angles = new List<(int, int, int, double, int, double, double, double)>();
        for (var j = 0; j < n; j++)
        {
            var nb = m.NeighborsOf(j);
            var bj = m.BondsOf(j);
            if (nb.Length < 2) continue;
            // Trigonal bipyramid (sp3d, five neighbours; RDKit addTrigonalBipyramidAngles): the most nearly opposite
            // pair of bonds in the input geometry is axial; axial-axial n = 2, equatorial-equatorial n = 3,
            // axial-equatorial the general form. Needs the molecule's conformer; without one the general form.
            int ax1 = -1, ax2 = -1;
            if (hyb[j] == UffHybridization.Sp3d && nb.Length == 5 && m.Conformer is { } conf)
            {
                var mostNeg = 100.0;
                for (var x = 0; x < 5; x++)
                {
                    for (var y = x + 1; y < 5; y++)
                    {
                        var u1 = Unit(conf[nb[x]].X - conf[j].X, conf[nb[x]].Y - conf[j].Y, conf[nb[x]].Z - conf[j].Z);
                        var u2 = Unit(conf[nb[y]].X - conf[j].X, conf[nb[y]].Y - conf[j].Y, conf[nb[y]].Z - conf[j].Z);
                        var dot = V3.Dot(u1, u2);
                        if (dot < mostNeg)
                        {
                            mostNeg = dot;
                            ax1 = x;
                            ax2 = y;
                        }
                    }
                }
            }
            var order = hyb[j] switch
            {
                UffHybridization.Sp => 1,
                UffHybridization.Sp2 => 3,
                UffHybridization.Sp3d2 => 4,
                _ => 0,
            };
            var theta0 = p[j].Theta0 * Math.PI / 180.0;
            var cos0 = Math.Cos(theta0);
            var sin0Sq = 1.0 - (cos0 * cos0);
            for (var x = 0; x < nb.Length; x++)
            {
                for (var y = x + 1; y < nb.Length; y++)
                {
                    int i = nb[x], k = nb[y];
                    var r12 = RestLength(bo[bj[x]], p[i], p[j]);
                    var r23 = RestLength(bo[bj[y]], p[j], p[k]);
                    var r13 = Math.Sqrt((r12 * r12) + (r23 * r23) - (2.0 * r12 * r23 * cos0));
                    var beta = 2.0 * G / (r12 * r23);
                    var pre = beta * p[i].Z1 * p[k].Z1 / Math.Pow(r13, 5);
                    var rTerm = r12 * r23;
                    var inner = (3.0 * rTerm * (1.0 - (cos0 * cos0))) - (r13 * r13 * cos0);
                    var ka = pre * rTerm * inner;
                    var pairOrder = order;
                    if (ax1 >= 0)
                    {
                        var axialCount = (x == ax1 || x == ax2 ? 1 : 0) + (y == ax1 || y == ax2 ? 1 : 0);
                        pairOrder = axialCount switch { 2 => 2, 0 => 3, _ => 0 };
                    }
                    double c0 = 0, c1 = 0, c2 = 0;
                    if (pairOrder == 0)
                    {
                        c2 = 1.0 / (4.0 * Math.Max(sin0Sq, 1e-8));
                        c1 = -4.0 * c2 * cos0;
                        c0 = c2 * ((2.0 * cos0 * cos0) + 1.0);
                    }
                    angles.Add((i, j, k, ka, pairOrder, c0, c1, c2));
                }
            }
        }

        var torsions = new List<(int, int, int, int, double, int, double)>();
        // Torsions about every bond whose ends are sp2/sp3 and carry no triple bond (RDKit's torsion SMARTS
        // [!$(*#*)&!D1]~[!$(*#*)&!D1]); 3-ring bonds included, as RDKit 2022.09 does (checked on cyclopropane).
        var hasTriple = new bool[n];
        for (var b = 0; b < m.BondCount; b++)
        {
            if (m.GetBond(b).Order != Core.BondOrder.Triple) continue;
            hasTriple[m.GetBond(b).Begin] = true;
            hasTriple[m.GetBond(b).End] = true;
        }
        for (var b = 0; b < m.BondCount; b++)
        {
            var bond = m.GetBond(b);
            int j = bond.Begin, k = bond.End;
            if (m.Degree(j) < 2 || m.Degree(k) < 2 || hasTriple[j] || hasTriple[k]) continue;
            if (hyb[j] is not (UffHybridization.Sp2 or UffHybridization.Sp3) || hyb[k] is not (UffHybridization.Sp2 or UffHybridization.Sp3)) continue;
            var start = torsions.Count;
            foreach (var i in m.NeighborsOf(j))
            {
                if (i == k) continue;
                foreach (var l in m.NeighborsOf(k))
                {
                    if (l == j || l == i) continue;
                    var endSp2 = hyb[i] == UffHybridization.Sp2 || hyb[l] == UffHybridization.Sp2;
                    var (v, nn, cosTerm) = TorsionParameters(bo[b], m.GetAtom(j).AtomicNumber, m.GetAtom(k).AtomicNumber, hyb[j], hyb[k], p[j], p[k], endSp2);
                    torsions.Add((i, j, k, l, v, nn, cosTerm));
                }
            }
            var count = torsions.Count - start;
            for (var q = start; q < torsions.Count; q++)
            {
                var tt = torsions[q];
                torsions[q] = tt with { Item5 = tt.Item5 / count };
            }
        }

        var inversions = new List<(int, int, int, int, double, double, double, double)>();
        for (var j = 0; j < n; j++)
        {
            if (m.Degree(j) != 3) continue;
            int z = m.GetAtom(j).AtomicNumber;
            double k0, c0, c1, c2;
            if (z is 6 or 7 or 8)
            {
                if (hyb[j] != UffHybridization.Sp2) continue;
                var boundToSp2O = false;
                if (z == 6)
                {
                    foreach (var nbr in m.NeighborsOf(j))
                        if (m.GetAtom(nbr).AtomicNumber == 8 && hyb[nbr] == UffHybridization.Sp2) boundToSp2O = true;
                }
                c0 = 1.0;
                c1 = -1.0;
                c2 = 0.0;
                k0 = boundToSp2O ? 50.0 : 6.0;
            }
            else if (z is 15 or 33 or 51 or 83)
            {
                var w0 = z switch { 15 => 84.4339, 33 => 86.9735, 51 => 87.7047, _ => 90.0 } * Math.PI / 180.0;
                c2 = 1.0;
                c1 = -4.0 * Math.Cos(w0);
                c0 = -((c1 * Math.Cos(w0)) + (c2 * Math.Cos(2.0 * w0)));
                k0 = 22.0 / (c0 + c1 + c2);
            }
            else continue;
            k0 /= 3.0;
            var nb = m.NeighborsOf(j);
            inversions.Add((nb[0], j, nb[1], nb[2], k0, c0, c1, c2));
            inversions.Add((nb[0], j, nb[2], nb[1], k0, c0, c1, c2));
            inversions.Add((nb[1], j, nb[2], nb[0], k0, c0, c1, c2));
        }

        // van der Waals: pairs more than two bonds apart in the same fragment (RDKit's 100 x_ij threshold keeps all).
        var vdw = new List<(int, int, double, double)>();
        var dist = new int[n];
        var frag = Fragments(m);
        for (var i = 0; i < n; i++)
        {
            Array.Fill(dist, int.MaxValue);
            dist[i] = 0;
            foreach (var a in m.NeighborsOf(i))
            {
                dist[a] = Math.Min(dist[a], 1);
                foreach (var c in m.NeighborsOf(a)) dist[c] = Math.Min(dist[c], 2);
            }
            for (var j = i + 1; j < n; j++)
            {
                if (dist[j] <= 2 || frag[i] != frag[j]) continue;
                vdw.Add((i, j, Math.Sqrt(p[i].X1 * p[j].X1), Math.Sqrt(p[i].D1 * p[j].D1)));
            }
        }
        return new UffForceField(n, t.Labels, bonds.ToArray(), angles.ToArray(), torsions.ToArray(), inversions.ToArray(), vdw.ToArray());
    }

    private static V3 Unit(double x, double y, double z)
    {
        var v = new V3(x, y, z);
        return v / v.Length;
    }

    private static int[] Fragments(Molecule m)
    {
        var f = new int[m.AtomCount];
        Array.Fill(f, -1);
        var stack = new Stack<int>();
        var id = 0;
        for (var s = 0; s < m.AtomCount; s++)
        {
            if (f[s] >= 0) continue;
            f[s] = id;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var a = stack.Pop();
                foreach (var b in m.NeighborsOf(a))
                {
                    if (f[b] >= 0) continue;
                    f[b] = id;
                    stack.Push(b);
                }
            }
            id++;
        }
        return f;
    }

    /// <summary>Torsion barrier V, periodicity n and cos(n φ0) (Rappé 1992 eq. 16-17, RDKit's special cases).</summary>
    private static (double V, int N, double CosTerm) TorsionParameters(double bondOrder, int z2, int z3, UffHybridization h2, UffHybridization h3,
        UffAtomParameters p2, UffAtomParameters p3, bool endAtomIsSp2)
    {
        double Eq17() => 5.0 * Math.Sqrt(p2.U1 * p3.U1) * (1.0 + (4.18 * Math.Log(bondOrder)));
        if (h2 == UffHybridization.Sp3 && h3 == UffHybridization.Sp3)
        {
            if (bondOrder == 1.0 && InGroup6(z2) && InGroup6(z3))
            {
                var v2 = z2 == 8 ? 2.0 : 6.8;
                var v3 = z3 == 8 ? 2.0 : 6.8;
                return (Math.Sqrt(v2 * v3), 2, -1.0);
            }
            return (Math.Sqrt(p2.V1 * p3.V1), 3, -1.0);
        }
        if (h2 == UffHybridization.Sp2 && h3 == UffHybridization.Sp2) return (Eq17(), 2, 1.0);
        if (bondOrder == 1.0)
        {
            if ((h2 == UffHybridization.Sp3 && InGroup6(z2) && !InGroup6(z3)) || (h3 == UffHybridization.Sp3 && InGroup6(z3) && !InGroup6(z2)))
                return (Eq17(), 2, -1.0);
            if (endAtomIsSp2) return (2.0, 3, -1.0);
        }
        return (1.0, 6, 1.0);
    }

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> x) => Evaluate(x, default, false).Total;

    /// <inheritdoc />
    public double EnergyAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        gradient.Clear();
        return Evaluate(x, gradient, true).Total;
    }

    /// <summary>The energy split by term.</summary>
    public UffEnergyTerms EnergyTerms(ReadOnlySpan<double> x) => Evaluate(x, default, false);

    private UffEnergyTerms Evaluate(ReadOnlySpan<double> x, Span<double> g, bool grad)
    {
        double eb = 0, ea = 0, et = 0, ei = 0, ev = 0;
        foreach (var (i, j, k, r0) in _bonds)
        {
            var r = Geometry.Distance(x, 3, i, j);
            var d = r - r0;
            eb += 0.5 * k * d * d;
            if (grad) Geometry.AddDistanceGradient(x, g, i, j, r, k * d);
        }
        foreach (var (i, j, k, ka, order, c0, c1, c2) in _angles)
        {
            var theta = Geometry.Angle(x, i, j, k, out var u, out var v, out var r1, out var r2);
            double e, dE;
            switch (order)
            {
                case 0:
                    e = ka * (c0 + (c1 * Math.Cos(theta)) + (c2 * Math.Cos(2.0 * theta)));
                    dE = ka * ((-c1 * Math.Sin(theta)) - (2.0 * c2 * Math.Sin(2.0 * theta)));
                    break;
                case 1:
                    e = ka * (1.0 + Math.Cos(theta));
                    dE = -ka * Math.Sin(theta);
                    break;
                default:
                    e = ka * (1.0 - Math.Cos(order * theta)) / (order * order);
                    dE = ka * Math.Sin(order * theta) / order;
                    break;
            }
            ea += e;
            if (grad) Geometry.AddAngleGradient(g, i, j, k, u, v, r1, r2, theta, dE);
        }
        foreach (var (i, j, k, l, vv, nn, cosTerm) in _torsions)
        {
            var phi = Geometry.Dihedral(x, i, j, k, l, out var b1, out var b2, out var b3, out var mm, out var n);
            et += vv / 2.0 * (1.0 - (cosTerm * Math.Cos(nn * phi)));
            if (grad) Geometry.AddDihedralGradient(g, i, j, k, l, b1, b2, b3, mm, n, vv / 2.0 * cosTerm * nn * Math.Sin(nn * phi));
        }
        foreach (var (i, j, k, l, k0, c0, c1, c2) in _inversions)
        {
            var pj = V3.At(x, j);
            var ri = V3.At(x, i) - pj;
            var rk = V3.At(x, k) - pj;
            var rl = V3.At(x, l) - pj;
            double di = ri.Length, dk = rk.Length, dl = rl.Length;
            var a = ri / di;
            var c = rk / dk;
            var ul = rl / dl;
            var mcross = V3.Cross(a, c);
            var mlen = mcross.Length;
            if (mlen < 1e-12) continue;
            var nrm = mcross / mlen;
            var cosY = Math.Clamp(V3.Dot(nrm, ul), -1.0, 1.0);
            var sinY = Math.Sqrt(Math.Max(1.0 - (cosY * cosY), 0.0));
            var cos2W = (2.0 * sinY * sinY) - 1.0;
            ei += k0 * (c0 + (c1 * sinY) + (c2 * cos2W));
            if (grad)
            {
                var dEdc = k0 * ((-c1 * cosY / Math.Max(sinY, 1e-8)) - (4.0 * c2 * cosY));
                var q = (ul - (nrm * cosY)) / mlen;
                var dA = V3.Cross(c, q);
                var dC = V3.Cross(q, a);
                var gi = (dA - (a * V3.Dot(dA, a))) * (dEdc / di);
                var gk = (dC - (c * V3.Dot(dC, c))) * (dEdc / dk);
                var gl = (nrm - (ul * cosY)) * (dEdc / dl);
                gi.AddTo(g, i);
                gk.AddTo(g, k);
                gl.AddTo(g, l);
                (-(gi + gk + gl)).AddTo(g, j);
            }
        }
        foreach (var (i, j, xij, d) in _vdw)
        {
            var r = Geometry.Distance(x, 3, i, j);
            var s = xij / r;
            var s6 = s * s * s * s * s * s;
            var s12 = s6 * s6;
            ev += d * (s12 - (2.0 * s6));
            if (grad) Geometry.AddDistanceGradient(x, g, i, j, r, d * ((-12.0 * s12) + (12.0 * s6)) / r);
        }
        return new UffEnergyTerms(eb, ea, et, ei, ev);
    }
}
