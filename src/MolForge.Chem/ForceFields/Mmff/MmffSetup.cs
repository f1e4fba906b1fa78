using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>Assigns MMFF94 parameters to every interaction of a typed molecule (the way RDKit's MMFF Builder
/// enumerates them), with the empirical rules of MMFF.V for missing bond, angle and torsion parameters and the
/// mmffdfsb.par defaults for stretch-bend.</summary>
internal static class MmffSetup
{
    private const double DegToRad = Math.PI / 180.0;

    public static MmffForceField Build(Molecule molecule)
    {
        var topo = new MmffTopology(molecule);
        var types = MmffTyper.AssignTypes(topo);
        for (var a = 0; a < types.Length; a++)
        {
            if (types[a] == 0)
                throw new MmffTypingException(a, $"MMFF94 has no atom type for atom {a} ({Elements.Symbol(topo.Z(a))}, {topo.Degree(a)} neighbours, charge {topo.Charge(a)}).");
        }
        var charges = MmffCharges.Compute(topo, types);
        var p = MmffParameters.Instance;
        var n = topo.AtomCount;
        var bondTypes = new int[molecule.BondCount];
        for (var b = 0; b < bondTypes.Length; b++) bondTypes[b] = MmffCharges.BondType(topo, types, b);

        var bonds = new List<MmffBondTerm>();
        for (var b = 0; b < molecule.BondCount; b++)
        {
            var bd = molecule.GetBond(b);
            var (kb, r0) = BondParams(topo, types, bondTypes, bd.Begin, bd.End);
            bonds.Add(new MmffBondTerm(bd.Begin, bd.End, kb, r0));
        }

        var angles = new List<MmffAngleTerm>();
        var stbns = new List<MmffStretchBendTerm>();
        for (var j = 0; j < n; j++)
        {
            var nbrs = topo.Neighbors(j);
            if (nbrs.Length < 2) continue;
            var propJ = p.Prop(types[j])!.Value;
            for (var x = 0; x < nbrs.Length; x++)
            {
                for (var y = x + 1; y < nbrs.Length; y++)
                {
                    int i = nbrs[x], k = nbrs[y];
                    var angleType = AngleType(topo, bondTypes, i, j, k);
                    var (ka, theta0) = AngleParams(topo, types, bondTypes, i, j, k, angleType);
                    angles.Add(new MmffAngleTerm(i, j, k, ka, theta0, propJ.Linh != 0));
                    if (propJ.Linh != 0) continue;
                    var bt1 = bondTypes[topo.BondIndex(i, j)];
                    var bt2 = bondTypes[topo.BondIndex(j, k)];
                    var sbType = StretchBendType(angleType, types[i] <= types[k] ? bt1 : bt2, types[i] < types[k] ? bt2 : bt1);
                    var kk = p.StretchBend(sbType, bt1, bt2, types[i], types[j], types[k])
                        ?? p.DefaultStretchBend(MmffParameters.Row(topo.Z(i)), MmffParameters.Row(topo.Z(j)), MmffParameters.Row(topo.Z(k)));
                    if (kk is not { } sb || (sb.Kijk == 0.0 && sb.Kkji == 0.0)) continue;
                    var r1 = BondParams(topo, types, bondTypes, i, j).R0;
                    var r2 = BondParams(topo, types, bondTypes, j, k).R0;
                    stbns.Add(new MmffStretchBendTerm(i, j, k, sb.Kijk, sb.Kkji, r1, r2, theta0));
                }
            }
        }

        var oops = new List<MmffOopTerm>();
        for (var j = 0; j < n; j++)
        {
            var nbrs = topo.Neighbors(j);
            if (nbrs.Length != 3) continue;
            var koop = p.OutOfPlane(types[nbrs[0]], types[j], types[nbrs[1]], types[nbrs[2]]);
            if (koop is not { } k) continue;
            oops.Add(new MmffOopTerm(nbrs[0], j, nbrs[1], nbrs[2], k));
            oops.Add(new MmffOopTerm(nbrs[0], j, nbrs[2], nbrs[1], k));
            oops.Add(new MmffOopTerm(nbrs[1], j, nbrs[2], nbrs[0], k));
        }

        var torsions = new List<MmffTorsionTerm>();
        for (var b = 0; b < molecule.BondCount; b++)
        {
            var bd = molecule.GetBond(b);
            int j = bd.Begin, k = bd.End;
            if (!TorsionCentre(topo, j) || !TorsionCentre(topo, k)) continue;
            foreach (var i in topo.Neighbors(j))
            {
                if (i == k) continue;
                foreach (var l in topo.Neighbors(k))
                {
                    if (l == j || l == i) continue;
                    var (t1, t2) = TorsionType(topo, types, bondTypes, i, j, k, l);
                    var v = p.Torsion(t1, t2, types[i], types[j], types[k], types[l]) ?? EmpiricalTorsion(topo, types, j, k);
                    if (v.V1 == 0.0 && v.V2 == 0.0 && v.V3 == 0.0) continue;
                    torsions.Add(new MmffTorsionTerm(i, j, k, l, v.V1, v.V2, v.V3));
                }
            }
        }

        var pairs = new List<MmffPairTerm>();
        var dist = TopologicalDistances(topo);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var d = dist[(i * n) + j];
                if (d < 3) continue; // 1-2 and 1-3 pairs have no non-bonded terms
                if (d == int.MaxValue) continue; // no interactions between fragments (RDKit's default)
                var (rStar, eps) = VdwPair(types[i], types[j]);
                var qq = charges[i] * charges[j];
                if (charges[i] == 0.0 || charges[j] == 0.0) qq = 0.0;
                var chargeTerm = qq * (d == 3 ? 0.75 : 1.0);
                pairs.Add(new MmffPairTerm(i, j, rStar, eps, chargeTerm));
            }
        }
        return new MmffForceField(n, types, charges, [.. bonds], [.. angles], [.. stbns], [.. oops], [.. torsions], [.. pairs]);
    }

    private static bool TorsionCentre(MmffTopology t, int a)
    {
        if (t.Degree(a) == 1) return false;
        if (t.HasKekuleOrder(a, 3)) return false;
        return !t.IsSpOrHypervalent(a);
    }

    private static int[] TopologicalDistances(MmffTopology t)
    {
        var n = t.AtomCount;
        var d = new int[n * n];
        Array.Fill(d, int.MaxValue);
        var queue = new Queue<int>();
        for (var s = 0; s < n; s++)
        {
            d[(s * n) + s] = 0;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var a = queue.Dequeue();
                var da = d[(s * n) + a];
                if (da >= 3) continue; // only 1-2, 1-3, 1-4 need the exact value; further stays "far"
                foreach (var nb in t.Neighbors(a))
                {
                    if (d[(s * n) + nb] != int.MaxValue) continue;
                    d[(s * n) + nb] = da + 1;
                    queue.Enqueue(nb);
                }
            }
        }
        // Mark atoms of the same fragment beyond 1-4 as 4.
        var fragment = Fragments(t);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (d[(i * n) + j] == int.MaxValue && fragment[i] == fragment[j]) d[(i * n) + j] = 4;
        return d;
    }

    private static int[] Fragments(MmffTopology t)
    {
        var f = new int[t.AtomCount];
        Array.Fill(f, -1);
        var stack = new Stack<int>();
        var count = 0;
        for (var s = 0; s < t.AtomCount; s++)
        {
            if (f[s] >= 0) continue;
            f[s] = count;
            stack.Push(s);
            while (stack.Count > 0)
            {
                var a = stack.Pop();
                foreach (var nb in t.Neighbors(a))
                {
                    if (f[nb] >= 0) continue;
                    f[nb] = count;
                    stack.Push(nb);
                }
            }
            count++;
        }
        return f;
    }

    private static (double Kb, double R0) BondParams(MmffTopology t, int[] types, int[] bondTypes, int i, int j)
    {
        var bt = bondTypes[t.BondIndex(i, j)];
        return MmffParameters.Instance.Bond(bt, types[i], types[j])
            ?? MmffParameters.Instance.EmpiricalBond(t.Z(i), t.Z(j))
            ?? throw new MmffTypingException(i, $"No MMFF bond parameters for atoms {i}-{j}.");
    }

    /// <summary>MMFF angle type (MMFF.III appendix): sum of bond types, modified for 3- and 4-rings.</summary>
    private static int AngleType(MmffTopology t, int[] bondTypes, int i, int j, int k)
    {
        var sum = bondTypes[t.BondIndex(i, j)] + bondTypes[t.BondIndex(j, k)];
        var size = t.AngleRingSize(i, j, k);
        if (size == 0) return sum;
        return sum == 0 ? size : size + sum + size - 2;
    }

    private static int StretchBendType(int angleType, int bt1, int bt2) => angleType switch
    {
        1 => (bt1 != 0 || bt1 == bt2) ? 1 : 2,
        2 => 3,
        4 => 4,
        3 => 5,
        5 => (bt1 != 0 || bt1 == bt2) ? 6 : 7,
        6 => 8,
        7 => (bt1 != 0 || bt1 == bt2) ? 9 : 10,
        8 => 11,
        _ => 0,
    };

    private static (double Ka, double Theta0) AngleParams(MmffTopology t, int[] types, int[] bondTypes, int i, int j, int k, int angleType)
    {
        var p = MmffParameters.Instance;
        var tab = p.Angle(angleType, types[i], types[j], types[k]);
        if (tab is { } v && v.Ka != 0.0) return v;
        // Empirical rule (MMFF.V eq. 20 and the rest-angle rules of p. 627).
        var prop = p.Prop(types[j])!.Value;
        var ringSize = t.AngleRingSize(i, j, k);
        double theta0;
        if (tab is { } old)
        {
            theta0 = old.Theta0;
        }
        else
        {
            theta0 = 120.0;
            switch (prop.Crd)
            {
                case 4:
                    theta0 = 109.45;
                    break;
                case 2:
                    if (t.Z(j) == 8) theta0 = 105.0;
                    else if (prop.Linh == 1) theta0 = 180.0;
                    break;
                case 3:
                    if (prop.Val == 3 && prop.Mltb == 0) theta0 = t.Z(j) == 7 ? 107.0 : 92.0;
                    break;
            }
            if (ringSize == 3) theta0 = 60.0;
            else if (ringSize == 4) theta0 = 90.0;
        }
        var r1 = BondParams(t, types, bondTypes, i, j).R0;
        var r2 = BondParams(t, types, bondTypes, j, k).R0;
        var (zi, ci) = AngleZC(t.Z(i));
        var (_, cj) = AngleZC(t.Z(j));
        var (zk, ck) = AngleZC(t.Z(k));
        _ = ci;
        _ = ck;
        var beta = 1.75;
        if (ringSize == 4) beta *= 0.85;
        else if (ringSize == 3) beta *= 0.05;
        var dd = (r1 - r2) * (r1 - r2) / ((r1 + r2) * (r1 + r2));
        var th = theta0 * DegToRad;
        var ka = beta * zi * cj * zk / ((r1 + r2) * th * th * Math.Exp(2.0 * dd));
        return (ka, theta0);
    }

    /// <summary>MMFF.V Table VI: Z and C of the angle empirical rule.</summary>
    private static (double Z, double C) AngleZC(int z) => z switch
    {
        1 => (1.395, 0.0),
        6 => (2.494, 1.016),
        7 => (2.711, 1.113),
        8 => (3.045, 1.337),
        9 => (2.847, 0.0),
        14 => (2.350, 0.811),
        15 => (2.350, 1.068),
        16 => (2.980, 1.249),
        17 => (2.909, 1.078),
        35 => (3.017, 0.0),
        53 => (3.086, 0.0),
        _ => (0.0, 0.0),
    };

    /// <summary>Torsion types (MMFF.IV p. 609, with RDKit's refinement) and the fallback type.</summary>
    private static (int, int) TorsionType(MmffTopology t, int[] types, int[] bondTypes, int i, int j, int k, int l)
    {
        var jk = t.BondIndex(j, k);
        var btIJ = bondTypes[t.BondIndex(i, j)];
        var btJK = bondTypes[jk];
        var btKL = bondTypes[t.BondIndex(k, l)];
        var torType = btJK;
        var second = 0;
        if (btJK == 0 && t.Kind[jk] == 1 && (btIJ == 1 || btKL == 1)) torType = 2;
        var size = t.TorsionRingSize(i, j, k, l);
        if (size == 4 && !(t.Bonded(i, k) || t.Bonded(j, l)))
        {
            second = torType;
            torType = 4;
        }
        else if (size == 5 && (types[i] == 1 || types[j] == 1 || types[k] == 1 || types[l] == 1))
        {
            second = torType;
            torType = 5;
        }
        return (torType, second);
    }

    /// <summary>MMFF.V empirical torsion rules (a)-(h).</summary>
    private static (double V1, double V2, double V3) EmpiricalTorsion(MmffTopology t, int[] types, int j, int k)
    {
        var p = MmffParameters.Instance;
        var pj = p.Prop(types[j])!.Value;
        var pk = p.Prop(types[k])!.Value;
        var bond = t.BondIndex(j, k);
        var zj = t.Z(j);
        var zk = t.Z(k);
        var (uj, vj, wj) = UVW(zj);
        var (uk, vk, wk) = UVW(zk);
        double nJk = (pj.Crd - 1) * (pk.Crd - 1);
        if (pj.Linh != 0 || pk.Linh != 0) return (0, 0, 0);
        if (MmffParameters.IsAromaticType(types[j]) && MmffParameters.IsAromaticType(types[k]) && t.Kind[bond] == MmffTopology.Aromatic)
        {
            var beta = ((pj.Val == 3 && pk.Val == 4) || (pj.Val == 4 && pk.Val == 3)) ? 3.0 : 6.0;
            var pi = pj.Pilp == 0 && pk.Pilp == 0 ? 0.5 : 0.3;
            return (0, beta * pi * Math.Sqrt(uj * uk), 0);
        }
        if (t.Kind[bond] == 2)
        {
            var pi = pj.Mltb == 2 && pk.Mltb == 2 ? 1.0 : 0.4;
            return (0, 6.0 * pi * Math.Sqrt(uj * uk), 0);
        }
        if (pj.Crd == 4 && pk.Crd == 4) return (0, 0, Math.Sqrt(vj * vk) / nJk);
        if (pj.Crd == 4 && pk.Crd != 4)
        {
            if ((pk.Crd == 3 && (pk.Val == 4 || pk.Val == 34 || pk.Mltb != 0)) || (pk.Crd == 2 && (pk.Val == 3 || pk.Mltb != 0)))
                return (0, 0, 0);
            return (0, 0, Math.Sqrt(vj * vk) / nJk);
        }
        if (pk.Crd == 4 && pj.Crd != 4)
        {
            if ((pj.Crd == 3 && (pj.Val == 4 || pj.Val == 34 || pj.Mltb != 0)) || (pj.Crd == 2 && (pj.Val == 3 || pj.Mltb != 0)))
                return (0, 0, 0);
            return (0, 0, Math.Sqrt(vj * vk) / nJk);
        }
        if ((t.Kind[bond] == 1 && pj.Mltb != 0 && pk.Mltb != 0) || (pj.Mltb != 0 && pk.Pilp != 0) || (pj.Pilp != 0 && pk.Mltb != 0))
        {
            if (pj.Pilp != 0 && pk.Pilp != 0) return (0, 0, 0);
            double pi;
            if (pj.Pilp != 0 && pk.Mltb != 0)
            {
                pi = pj.Mltb == 1 ? 0.5 : (MmffParameters.Row(zj) == 2 && MmffParameters.Row(zk) == 2) ? 0.3 : 0.15;
            }
            else if (pk.Pilp != 0 && pj.Mltb != 0)
            {
                pi = pk.Mltb == 1 ? 0.5 : (MmffParameters.Row(zj) == 2 && MmffParameters.Row(zk) == 2) ? 0.3 : 0.15;
            }
            else if ((pj.Mltb == 1 || pk.Mltb == 1) && (zj != 6 || zk != 6))
            {
                pi = 0.4;
            }
            else
            {
                pi = 0.15;
            }
            return (0, 6.0 * pi * Math.Sqrt(uj * uk), 0);
        }
        if (zj is 8 or 16 && zk is 8 or 16) return (0, -Math.Sqrt(wj * wk), 0);
        return (0, 0, Math.Sqrt(vj * vk) / nJk);
    }

    private static (double U, double V, double W) UVW(int z) => z switch
    {
        6 => (2.0, 2.12, 0.0),
        7 => (2.0, 1.5, 0.0),
        8 => (2.0, 0.2, 2.0),
        14 => (1.25, 1.22, 0.0),
        15 => (1.25, 2.40, 0.0),
        16 => (1.25, 0.49, 8.0),
        _ => (0.0, 0.0, 0.0),
    };

    /// <summary>R*_ij and epsilon_ij (MMFF.II eqs. 3-5 with donor/acceptor scaling).</summary>
    private static (double RStar, double Eps) VdwPair(int ti, int tj)
    {
        var p = MmffParameters.Instance;
        var a = p.Vdw(ti)!.Value;
        var b = p.Vdw(tj)!.Value;
        var ri = a.A * Math.Pow(a.Alpha, MmffParameters.VdwPower);
        var rj = b.A * Math.Pow(b.Alpha, MmffParameters.VdwPower);
        var gamma = (ri - rj) / (ri + rj);
        var rStar = 0.5 * (ri + rj) * (1.0 + (a.DA == 'D' || b.DA == 'D' ? 0.0 : MmffParameters.VdwB * (1.0 - Math.Exp(-MmffParameters.VdwBeta * gamma * gamma))));
        var r2 = rStar * rStar;
        var eps = 181.16 * a.G * b.G * a.Alpha * b.Alpha / ((Math.Sqrt(a.Alpha / a.N) + Math.Sqrt(b.Alpha / b.N)) * r2 * r2 * r2);
        if ((a.DA == 'D' && b.DA == 'A') || (a.DA == 'A' && b.DA == 'D'))
        {
            rStar *= MmffParameters.VdwDarad;
            eps *= MmffParameters.VdwDaeps;
        }
        return (rStar, eps);
    }
}

/// <summary>The molecule has an atom MMFF94 cannot type or parameterise.</summary>
public sealed class MmffTypingException : Exception
{
    public MmffTypingException() { }
    public MmffTypingException(string message) : base(message) { }
    public MmffTypingException(string message, Exception inner) : base(message, inner) { }
    public MmffTypingException(int atomIndex, string message) : base(message) => AtomIndex = atomIndex;

    /// <summary>Index of the offending atom, -1 when not known.</summary>
    public int AtomIndex { get; } = -1;
}
