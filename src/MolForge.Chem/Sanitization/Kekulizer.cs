using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>Kekulisation of aromatic input as RDKit does it (Kekulize.cpp, re-written): per fused ring system, the
/// atoms that must take a double bond are found from the valence state (RDKit's <c>markDbondCands</c> rules), then
/// a perfect matching of those atoms over aromatic ring bonds is searched (most-constrained atom first, with
/// backtracking); failure names the atoms as RDKit's error does.</summary>
internal static class Kekulizer
{
    private const int MaxSteps = 200_000;

    public static void Kekulize(MolGraph g, RingInfo rings, int[] implicitH)
    {
        var n = g.AtomCount;
        var anyAromatic = false;
        for (var i = 0; i < g.BondCount && !anyAromatic; i++) anyAromatic = g.Bonds[i].IsAromatic || g.Bonds[i].Order == BondOrder.Aromatic;
        for (var i = 0; i < n && !anyAromatic; i++) anyAromatic = g.Atoms[i].IsAromatic;
        if (!anyAromatic) return;

        var inSystem = new bool[n];
        var cand = new bool[n];
        var optional = new bool[n];
        var mate = new int[n];
        var system = new List<int>();
        var makeSingle = new List<int>();
        foreach (var sys in rings.FusedSystems)
        {
            system.Clear();
            foreach (var r in sys)
            {
                foreach (var a in rings.AtomRing(r))
                {
                    if (inSystem[a]) continue;
                    inSystem[a] = true;
                    system.Add(a);
                }
            }
            var hasAromatic = false;
            foreach (var a in system)
                if (g.Atoms[a].AtomicNumber == 0 || g.IsAromaticAtom(a)) { hasAromatic = true; break; }
            if (hasAromatic)
            {
                MarkCandidates(g, rings, sys, system, inSystem, cand, optional, implicitH, makeSingle);
                foreach (var b in makeSingle) g.Bonds[b] = g.Bonds[b] with { Order = BondOrder.Single };
                foreach (var a in system) mate[a] = -1;
                var steps = 0;
                if (!Match(g, system, inSystem, cand, optional, mate, ref steps))
                {
                    var list = new List<int>();
                    foreach (var a in system) if (cand[a] && !optional[a]) list.Add(a);
                    list.Sort();
                    throw new SanitizationException("can't kekulize mol: unkekulizable atoms " + string.Join(' ', list), list.Count > 0 ? list[0] : -1);
                }
                foreach (var a in system)
                {
                    var m = mate[a];
                    if (m > a)
                    {
                        var b = g.FindBond(a, m);
                        g.Bonds[b] = g.Bonds[b] with { Order = BondOrder.Double };
                    }
                }
            }
            foreach (var a in system) { inSystem[a] = false; cand[a] = false; optional[a] = false; }
        }

        // Clear aromatic flags everywhere (RDKit markAtomsBonds); aromatic atoms outside rings are an error.
        for (var i = 0; i < g.BondCount; i++)
        {
            ref var b = ref g.Bonds[i];
            if (b.Order == BondOrder.Aromatic)
            {
                var bad = rings.IsAtomInRing(b.Begin) ? b.End : b.Begin;
                throw new SanitizationException($"non-ring atom {bad} marked aromatic", bad);
            }
            if (b.IsAromatic) b = b with { IsAromatic = false };
        }
        for (var i = 0; i < n; i++)
        {
            ref var a = ref g.Atoms[i];
            if (!a.IsAromatic) continue;
            if (!rings.IsAtomInRing(i)) throw new SanitizationException($"non-ring atom {i} marked aromatic", i);
            a = a with { IsAromatic = false };
            // RDKit (GitHub #141): pyrrole-type [nH]/[pH] lose their explicit H in favour of an implicit one.
            if (a.AtomicNumber is 7 or 15 && a.FormalCharge == 0 && a.ExplicitHydrogens == 1)
            {
                a = a with { NoImplicit = false, ExplicitHydrogens = 0 };
                ValenceModel.CalcExplicitValence(g, i, false);
                implicitH[i] = ValenceModel.CalcImplicitValence(g, i, false);
            }
        }
    }

    private static void MarkCandidates(MolGraph g, RingInfo rings, int[] sys, List<int> system, bool[] inSystem,
        bool[] cand, bool[] optional, int[] implicitH, List<int> makeSingle)
    {
        makeSingle.Clear();
        // Rings with no aromatic atom that is in only one ring are "not candidates" (affects dummies only).
        var ringNotCand = new Dictionary<int, bool>();
        foreach (var r in sys)
        {
            var notCand = true;
            foreach (var a in rings.AtomRing(r))
                if (g.IsAromaticAtom(a) && rings.NumAtomRings(a) == 1) { notCand = false; break; }
            ringNotCand[r] = notCand;
        }
        foreach (var ai in system)
        {
            ref readonly var at = ref g.Atoms[ai];
            if (at.AtomicNumber != 0 && !g.IsAromaticAtom(ai)) continue;
            int sbo = 0, nToIgnore = 0, nonArNonDummyNbr = 0;
            for (var p = g.AdjStart[ai]; p < g.AdjStart[ai + 1]; p++)
            {
                var bi = g.AdjBond[p];
                ref readonly var b = ref g.Bonds[bi];
                var other = g.AdjAtom[p];
                if (g.Atoms[other].AtomicNumber != 0 && !g.Atoms[other].IsAromatic && inSystem[other]) nonArNonDummyNbr++;
                if (b.IsAromatic && b.Order is BondOrder.Single or BondOrder.Double or BondOrder.Aromatic)
                {
                    sbo++;
                    makeSingle.Add(bi);
                }
                else
                {
                    var c = (int)Math.Round(ValenceModel.Contribution(b.Order), MidpointRounding.AwayFromZero);
                    sbo += c;
                    if (c == 0) nToIgnore++;
                }
            }
            var numAtomRings = rings.NumAtomRings(ai);
            if (at.AtomicNumber == 0)
            {
                var nonCand = 0;
                for (var r = 0; r < rings.RingCount; r++)
                    if (ringNotCand.TryGetValue(r, out var nc) && nc && Array.IndexOf((int[])rings.AtomRings[r], ai) >= 0) nonCand++;
                if (nonArNonDummyNbr < numAtomRings && nonCand < numAtomRings)
                {
                    cand[ai] = true;
                    optional[ai] = true;
                    continue;
                }
            }
            sbo += at.ExplicitHydrogens + implicitH[ai];
            int z = at.AtomicNumber;
            var dv = ValenceModel.Default(z);
            var chrg = ValenceModel.EffectiveCharge(z, at.FormalCharge);
            dv += chrg;
            var tbo = g.ExplicitValence[ai] + implicitH[ai];
            int nRadicals = at.RadicalElectrons;
            var totalDegree = g.Degree(ai) + implicitH[ai] - nToIgnore;
            var valList = ValenceModel.Valences(z);
            var vi = 1;
            while (tbo > dv && vi < valList.Length && valList[vi] > 0)
            {
                dv = valList[vi] + chrg;
                vi++;
            }
            if (tbo == 5 && sbo == 4 && dv == 3 && totalDegree == 3 && nRadicals == 0 && chrg == 0 &&
                at.ExplicitHydrogens + implicitH[ai] == 0 && z is 7 or 15 or 33)
                dv = 5;
            if (totalDegree + nRadicals >= dv) continue;
            if (dv == sbo + 1 + nRadicals) cand[ai] = true;
            else if (nRadicals == 0 && at.NoImplicit && dv == sbo + 2) cand[ai] = true;
        }
    }

    private static bool Match(MolGraph g, List<int> system, bool[] inSystem, bool[] cand, bool[] optional, int[] mate, ref int steps)
    {
        if (++steps > MaxSteps) return false;
        // Most constrained unmatched required atom.
        int best = -1, bestOptions = int.MaxValue;
        foreach (var a in system)
        {
            if (!cand[a] || optional[a] || mate[a] >= 0) continue;
            var options = 0;
            for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
                if (CanPair(g, a, p, inSystem, cand, mate)) options++;
            if (options < bestOptions)
            {
                bestOptions = options;
                best = a;
                if (options == 0) break;
            }
        }
        if (best < 0) return true;
        if (bestOptions == 0) return false;
        for (var p = g.AdjStart[best]; p < g.AdjStart[best + 1]; p++)
        {
            if (!CanPair(g, best, p, inSystem, cand, mate)) continue;
            var other = g.AdjAtom[p];
            mate[best] = other;
            mate[other] = best;
            if (Match(g, system, inSystem, cand, optional, mate, ref steps)) return true;
            mate[best] = -1;
            mate[other] = -1;
            if (steps > MaxSteps) return false;
        }
        return false;
    }

    private static bool CanPair(MolGraph g, int a, int p, bool[] inSystem, bool[] cand, int[] mate)
    {
        var o = g.AdjAtom[p];
        if (!inSystem[o] || !cand[o] || mate[o] >= 0) return false;
        ref readonly var b = ref g.Bonds[g.AdjBond[p]];
        return b.IsAromatic || g.Atoms[a].AtomicNumber == 0 || g.Atoms[o].AtomicNumber == 0;
    }
}
