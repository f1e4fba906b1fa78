namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>MMFF94 partial charges (MMFF.II, Halgren 1996 J. Comput. Chem. 17, 520): formal charges assigned to
/// types and shared over resonance partners, then q_i = (1 - M_i u_i) q0_i + u_i sum_k q0_k + sum_k w_ki with
/// bond charge increments w (mmffchg.par, or pbci differences when a pair is not tabulated).</summary>
internal static class MmffCharges
{
    /// <summary>MMFF bond type: 1 for a single bond between atoms that both have sbmb or both arom set.</summary>
    public static int BondType(MmffTopology t, int[] types, int bond)
    {
        if (t.Kind[bond] != 1) return 0;
        var b = t.Molecule.GetBond(bond);
        var p = MmffParameters.Instance;
        var pi = p.Prop(types[b.Begin])!.Value;
        var pj = p.Prop(types[b.End])!.Value;
        return (pi.Sbmb && pj.Sbmb) || (pi.Arom && pj.Arom) ? 1 : 0;
    }

    /// <summary>Partial charges of the typed molecule.</summary>
    public static double[] Compute(MmffTopology t, int[] types)
    {
        var n = t.AtomCount;
        var formal = new double[n];
        for (var a = 0; a < n; a++) formal[a] = FormalCharge(t, types, a);
        var p = MmffParameters.Instance;
        var q = new double[n];
        for (var a = 0; a < n; a++)
        {
            var type = types[a];
            var q0 = formal[a];
            var m = p.Prop(type)!.Value.Crd;
            var (_, v) = p.Pbci(type);
            if (v == 0.0)
            {
                foreach (var nb in t.Neighbors(a))
                    if (formal[nb] < 0.0) q0 += formal[nb] / (2.0 * t.Degree(nb));
            }
            if (type == 62)
            {
                foreach (var nb in t.Neighbors(a))
                    if (formal[nb] > 0.0) q0 -= formal[nb] / 2.0;
            }
            double sumFormal = 0, sumIncrements = 0;
            var bonds = t.Molecule.BondsOf(a);
            var nbrs = t.Neighbors(a);
            for (var k = 0; k < nbrs.Length; k++)
            {
                var nb = nbrs[k];
                var bondType = BondType(t, types, bonds[k]);
                sumIncrements += p.Bci(bondType, type, types[nb]) ?? (p.Pbci(type).Pbci - p.Pbci(types[nb]).Pbci);
                sumFormal += formal[nb];
            }
            q[a] = ((1.0 - (m * v)) * q0) + (v * sumFormal) + sumIncrements;
        }
        return q;
    }

    private static double FormalCharge(MmffTopology t, int[] types, int a)
    {
        switch (types[a])
        {
            case 32:
            case 72:
                foreach (var nb in t.Neighbors(a))
                {
                    var nbType = types[nb];
                    int nSecN = 0, nTermOS = 0;
                    foreach (var nb2 in t.Neighbors(nb))
                    {
                        if (t.Z(nb2) == 7 && t.Degree(nb2) == 2 && !t.AromaticAtom[nb2]) nSecN++;
                        if (t.Z(nb2) is 8 or 16 && t.Degree(nb2) == 1) nTermOS++;
                    }
                    if (t.Z(nb) == 16 && nTermOS == 2 && nSecN == 1) nSecN = 0;
                    if (t.Z(nb) == 6 && nTermOS > 0)
                        return nTermOS == 1 ? -1.0 : -((double)(nTermOS - 1) / nTermOS);
                    if (nbType == 45 && nTermOS == 3) return -1.0 / 3.0;
                    if (nbType == 25 && nTermOS > 0)
                        return nTermOS == 1 ? 0.0 : -((double)(nTermOS - 1) / nTermOS);
                    if (nbType == 18 && nTermOS > 0)
                        return nSecN + nTermOS == 2 ? 0.0 : -((double)(nSecN + nTermOS - 2) / nTermOS);
                    if (nbType == 73 && nTermOS > 0)
                        return nTermOS == 1 ? 0.0 : -((double)(nTermOS - 1) / nTermOS);
                    if (nbType == 77 && nTermOS > 0) return -(1.0 / nTermOS);
                }
                return 0.0;
            case 76:
                {
                    var rings = t.Rings.RingsOf(a);
                    if (rings.Count == 0) return 0.0;
                    var nN = 0;
                    foreach (var x in t.Rings.Rings[rings[0]])
                        if (types[x] == 76) nN++;
                    return nN > 0 ? -(1.0 / nN) : 0.0;
                }
            case 55:
            case 56:
            case 81:
                {
                    // Share the formal charge over the resonance-connected N+ set (amidinium, guanidinium,
                    // imidazolium) linked through carbons of type 57 or 80.
                    double charge = t.Charge(a);
                    var nConj = 1;
                    var oldNConj = 0;
                    var inSet = new bool[t.AtomCount];
                    inSet[a] = true;
                    while (nConj > oldNConj)
                    {
                        oldNConj = nConj;
                        for (var i = 0; i < t.AtomCount; i++)
                        {
                            if (!inSet[i]) continue;
                            foreach (var nb in t.Neighbors(i))
                            {
                                if (types[nb] is not (57 or 80)) continue;
                                foreach (var nb2 in t.Neighbors(nb))
                                {
                                    if (types[nb2] is not (55 or 56 or 81) || inSet[nb2]) continue;
                                    inSet[nb2] = true;
                                    charge += t.Charge(nb2);
                                    nConj++;
                                }
                            }
                        }
                    }
                    return charge / nConj;
                }
            case 61:
                foreach (var nb in t.Neighbors(a))
                    if (types[nb] == 42) return 1.0;
                return 0.0;
            case 34 or 49 or 51 or 54 or 58 or 92 or 93 or 94 or 97:
                return 1.0;
            case 87 or 95 or 96 or 98 or 99:
                return 2.0;
            case 88:
                return 3.0;
            case 35 or 62 or 89 or 90 or 91:
                return -1.0;
            default:
                return 0.0;
        }
    }
}
