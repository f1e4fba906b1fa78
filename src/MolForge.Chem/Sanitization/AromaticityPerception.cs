using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>RDKit's default aromaticity model (Aromaticity.cpp, re-written): each ring atom gets an electron-donor
/// type from its lone pairs, charge and multiple bonds (an exocyclic double bond to a more electronegative atom
/// takes an electron away); rings of candidate atoms are tested with the 4n+2 rule singly and as fused
/// combinations of up to six rings sharing one bond (atoms in one or two of the combined rings count), and the
/// atoms and the non-fusing bonds of every aromatic combination are marked aromatic.</summary>
internal static class AromaticityPerception
{
    private const int MaxFusedRingSize = 24;
    private const int MaxFusedRings = 6;

    private enum Donor : byte { None, Vacant, One, Two, OneOrTwo, Any }

    public static void Perceive(MolGraph g, RingInfo rings, int[] implicitH)
    {
        var n = g.AtomCount;
        var nr = rings.RingCount;
        if (nr == 0) return;
        var seen = new bool[n];
        var isCand = new bool[n];
        var edon = new Donor[n];
        var cRings = new List<int>();
        for (var r = 0; r < nr; r++)
        {
            bool allCand = true, allDummy = true;
            foreach (var a in rings.AtomRing(r))
            {
                if (g.Atoms[a].AtomicNumber != 0) allDummy = false;
                if (seen[a])
                {
                    if (!isCand[a]) allCand = false;
                    continue;
                }
                seen[a] = true;
                edon[a] = DonorType(g, rings, a, implicitH);
                isCand[a] = IsCandidate(g, a, edon[a], implicitH);
                if (!isCand[a]) allCand = false;
            }
            if (allCand && !allDummy) cRings.Add(r);
        }
        if (cRings.Count == 0) return;

        // Neighbour map: candidate rings (<= 24 atoms) sharing exactly one bond.
        var m = cRings.Count;
        var neigh = new List<int>[m];
        for (var i = 0; i < m; i++) neigh[i] = [];
        for (var i = 0; i < m; i++)
        {
            var bi = rings.BondRing(cRings[i]);
            if (bi.Length > MaxFusedRingSize) continue;
            for (var j = i + 1; j < m; j++)
            {
                var bj = rings.BondRing(cRings[j]);
                if (bj.Length > MaxFusedRingSize) continue;
                var shared = 0;
                foreach (var b in bi) if (bj.Contains(b)) shared++;
                if (shared == 1)
                {
                    neigh[i].Add(j);
                    neigh[j].Add(i);
                }
            }
        }
        var done = new bool[m];
        var fused = new List<int>();
        for (var start = 0; start < m; start++)
        {
            if (done[start]) continue;
            fused.Clear();
            PickFused(start, neigh, done, fused);
            HuckelFused(g, rings, cRings, fused, neigh, edon);
        }
    }

    private static void PickFused(int curr, List<int>[] neigh, bool[] done, List<int> res)
    {
        done[curr] = true;
        res.Add(curr);
        foreach (var x in neigh[curr])
            if (!done[x]) PickFused(x, neigh, done, res);
    }

    private static void HuckelFused(MolGraph g, RingInfo rings, List<int> cRings, List<int> fused, List<int>[] neigh, Donor[] edon)
    {
        var nrings = fused.Count;
        var fusedBonds = new HashSet<int>();
        foreach (var ri in fused) foreach (var b in rings.BondRing(cRings[ri])) fusedBonds.Add(b);
        var nRingBonds = fusedBonds.Count;
        var doneBonds = new HashSet<int>();
        var atomCount = new int[g.AtomCount];
        var comb = new int[Math.Min(nrings, MaxFusedRings)];
        var cur = new List<int>();
        var union = new List<int>();
        for (var size = 1; size <= Math.Min(nrings, MaxFusedRings); size++)
        {
            if (doneBonds.Count >= nRingBonds) break;
            if (size == 3 && nrings > 300) break;
            for (var i = 0; i < size; i++) comb[i] = i;
            while (true)
            {
                cur.Clear();
                for (var i = 0; i < size; i++) cur.Add(fused[comb[i]]);
                if (size == 1 || IsConnected(cur, neigh))
                {
                    union.Clear();
                    foreach (var ri in cur) foreach (var a in rings.AtomRing(cRings[ri])) atomCount[a]++;
                    foreach (var ri in cur)
                    {
                        foreach (var a in rings.AtomRing(cRings[ri]))
                        {
                            if (atomCount[a] is 1 or 2) union.Add(a);
                            atomCount[a] = -100; // visited marker
                        }
                    }
                    foreach (var ri in cur) foreach (var a in rings.AtomRing(cRings[ri])) atomCount[a] = 0;
                    if (Huckel(union, edon)) Mark(g, rings, cRings, cur, doneBonds);
                }
                // Next combination in lexicographic order.
                var pos = size - 1;
                while (pos >= 0 && comb[pos] == nrings - size + pos) pos--;
                if (pos < 0) break;
                comb[pos]++;
                for (var i = pos + 1; i < size; i++) comb[i] = comb[i - 1] + 1;
            }
        }
    }

    private static bool IsConnected(List<int> subset, List<int>[] neigh)
    {
        // Depth-first walk through neighbour links restricted to the subset.
        Span<int> stack = stackalloc int[subset.Count];
        Span<bool> visited = stackalloc bool[subset.Count];
        var sp = 0;
        stack[sp++] = 0;
        visited[0] = true;
        var count = 1;
        while (sp > 0)
        {
            var i = stack[--sp];
            foreach (var x in neigh[subset[i]])
            {
                var j = subset.IndexOf(x);
                if (j < 0 || visited[j]) continue;
                visited[j] = true;
                count++;
                stack[sp++] = j;
            }
        }
        return count == subset.Count;
    }

    private static bool Huckel(List<int> atoms, Donor[] edon)
    {
        int lo = 0, hi = 0, nAny = 0;
        foreach (var a in atoms)
        {
            var d = edon[a];
            if (d == Donor.Any && ++nAny > 1) return false;
            switch (d)
            {
                case Donor.Any:
                case Donor.OneOrTwo: lo += 1; hi += 2; break;
                case Donor.One: lo += 1; hi += 1; break;
                case Donor.Two: lo += 2; hi += 2; break;
            }
        }
        if (hi >= 6)
        {
            for (var e = lo; e <= hi; e++)
                if ((e - 2) % 4 == 0) return true;
            return false;
        }
        return hi == 2;
    }

    private static void Mark(MolGraph g, RingInfo rings, List<int> cRings, List<int> cur, HashSet<int> doneBonds)
    {
        var counts = new Dictionary<int, int>();
        foreach (var ri in cur)
        {
            foreach (var a in rings.AtomRing(cRings[ri]))
                if (!g.Atoms[a].IsAromatic) g.Atoms[a] = g.Atoms[a] with { IsAromatic = true };
            foreach (var b in rings.BondRing(cRings[ri]))
                counts[b] = counts.TryGetValue(b, out var c) ? c + 1 : 1;
        }
        foreach (var (b, c) in counts)
        {
            if (c != 1) continue;
            ref var bond = ref g.Bonds[b];
            var order = bond.Order is BondOrder.Single or BondOrder.Double ? BondOrder.Aromatic : bond.Order;
            bond = bond with { IsAromatic = true, Order = order };
            doneBonds.Add(b);
        }
    }

    private static int TotalH(MolGraph g, int a, int[] implicitH) => g.Atoms[a].ExplicitHydrogens + implicitH[a];

    /// <summary>RDKit's countAtomElec: electrons the atom can give to a pi system, or -1.</summary>
    private static int CountAtomElectrons(MolGraph g, int a, int[] implicitH)
    {
        int z = g.Atoms[a].AtomicNumber;
        var dv = ValenceModel.Default(z);
        if (dv <= 1) return -1;
        var degree = g.Degree(a) + TotalH(g, a, implicitH);
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
            if (g.Bonds[g.AdjBond[p]].Order == BondOrder.Zero) degree--;
        if (degree > 3) return -1;
        var nlp = ValenceModel.OuterElectrons(z) - dv;
        nlp = Math.Max(nlp - g.Atoms[a].FormalCharge, 0);
        var res = dv - degree + nlp - g.Atoms[a].RadicalElectrons;
        if (res > 1)
        {
            var unsat = g.ExplicitValence[a] - g.Degree(a);
            if (unsat > 1) res = 1;
        }
        return res;
    }

    private static bool IncidentNonCyclicMultiple(MolGraph g, RingInfo rings, int a, out int who)
    {
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
        {
            var b = g.AdjBond[p];
            if (!rings.IsBondInRing(b) && ValenceModel.Contribution(g.Bonds[b].Order) >= 2.0)
            {
                who = g.AdjAtom[p];
                return true;
            }
        }
        who = -1;
        return false;
    }

    private static bool IncidentCyclicMultiple(MolGraph g, RingInfo rings, int a)
    {
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
        {
            var b = g.AdjBond[p];
            if (rings.IsBondInRing(b) && ValenceModel.Contribution(g.Bonds[b].Order) >= 2.0) return true;
        }
        return false;
    }

    private static bool IncidentMultiple(MolGraph g, int a)
    {
        var deg = g.Degree(a) + g.Atoms[a].ExplicitHydrogens;
        for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
            if (g.Bonds[g.AdjBond[p]].Order == BondOrder.Zero) deg--;
        return g.ExplicitValence[a] != deg;
    }

    private static bool MoreElectronegative(int z1, int z2)
    {
        int n1 = ValenceModel.OuterElectrons(z1), n2 = ValenceModel.OuterElectrons(z2);
        if (n1 > n2) return true;
        if (n1 == n2) return z1 < z2;
        return false;
    }

    private static Donor DonorType(MolGraph g, RingInfo rings, int a, int[] implicitH)
    {
        ref readonly var at = ref g.Atoms[a];
        if (at.AtomicNumber == 0) return IncidentCyclicMultiple(g, rings, a) ? Donor.One : Donor.Any;
        var nelec = CountAtomElectrons(g, a, implicitH);
        if (nelec < 0) return Donor.None;
        if (nelec == 0)
        {
            if (IncidentNonCyclicMultiple(g, rings, a, out _)) return Donor.Vacant;
            if (IncidentCyclicMultiple(g, rings, a)) return Donor.One;
            return Donor.None;
        }
        if (nelec == 1)
        {
            if (IncidentNonCyclicMultiple(g, rings, a, out var who))
                return MoreElectronegative(g.Atoms[who].AtomicNumber, at.AtomicNumber) ? Donor.Vacant : Donor.One;
            if (IncidentMultiple(g, a)) return Donor.One;
            if (at.FormalCharge == 1) return Donor.Vacant;
            return Donor.None;
        }
        if (IncidentNonCyclicMultiple(g, rings, a, out var w2) && MoreElectronegative(g.Atoms[w2].AtomicNumber, at.AtomicNumber))
            nelec--;
        return nelec % 2 == 1 ? Donor.One : Donor.Two;
    }

    private static bool IsCandidate(MolGraph g, int a, Donor d, int[] implicitH)
    {
        ref readonly var at = ref g.Atoms[a];
        int z = at.AtomicNumber;
        if (z > 18 && z != 34 && z != 52) return false;
        if (d == Donor.None) return false;
        var defVal = ValenceModel.Default(z);
        var shifted = Math.Clamp(z - at.FormalCharge, 0, Elements.MaxAtomicNumber);
        if (defVal > 0 && g.ExplicitValence[a] + implicitH[a] > ValenceModel.Default(shifted)) return false;
        if (at.RadicalElectrons > 0 && (z != 6 || at.FormalCharge != 0)) return false;
        var unsat = g.ExplicitValence[a] - g.Degree(a);
        if (unsat > 1)
        {
            var nMult = 0;
            for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1]; p++)
            {
                var o = g.Bonds[g.AdjBond[p]].Order;
                if (o is BondOrder.Double or BondOrder.Triple) nMult++;
            }
            if (nMult > 1) return false;
        }
        return true;
    }
}
