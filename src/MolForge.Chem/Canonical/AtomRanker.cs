using MolForge.Chem.Core;

namespace MolForge.Chem.Canonical;

/// <summary>Canonical atom ranking in the manner of Schneider, Sayle and Landrum, "Get Your Atoms in Order — An
/// Open-Source Implementation of a Novel and Robust Molecular Canonicalization Algorithm", JCIM 2015, 55, 2111:
/// atom invariants (element, isotope, degree, hydrogens, charge, ring membership, map number), iterative
/// partition refinement by neighbour classes and bond orders, stereo invariants (tetrahedral parity and double-bond
/// cis/trans relative to the neighbours' current ranks) added once neighbours are told apart, and tie breaking
/// (the first atom of the lowest tied class is promoted) until every atom has its own rank.</summary>
public static class AtomRanker
{
    /// <summary>Canonical ranks 0..n-1 (all distinct). With <paramref name="useStereo"/> false, stereo is ignored.</summary>
    public static int[] CanonicalRanks(Molecule molecule, bool useStereo = true) => Rank(molecule, useStereo, breakTies: true, includeIsotopes: useStereo);

    /// <summary>Symmetry classes: equal values for atoms the refinement cannot tell apart (no stereo, no tie breaking).</summary>
    public static int[] SymmetryClasses(Molecule molecule) => Rank(molecule, useStereo: false, breakTies: false, includeIsotopes: true);

    internal static int[] Rank(Molecule m, bool useStereo, bool breakTies, bool includeIsotopes) =>
        Rank(m, useStereo, breakTies, includeIsotopes, default, out _, out _);

    /// <summary>Ranking where tie breaks taken while some stereo element is still unresolved follow
    /// <paramref name="path"/> (index into the tied atoms in index order); when such a tie break goes beyond the path,
    /// <paramref name="branchWidth"/> reports how many choices it has (the caller enumerates them and keeps the
    /// smallest SMILES, which makes ring stereo such as cis/trans-1,4-disubstituted rings canonical).</summary>
    internal static int[] Rank(Molecule m, bool useStereo, bool breakTies, bool includeIsotopes, ReadOnlySpan<int> path,
        out bool needBranch, out int branchWidth)
    {
        needBranch = false;
        branchWidth = 0;
        var stereoStep = 0;
        var n = m.AtomCount;
        var ranks = new int[n];
        if (n == 0) return ranks;
        var (adjStart, adjAtoms, adjBonds) = m.Adjacency;
        var atoms = m.Atoms;
        var bonds = m.Bonds;
        var rings = m.RingInfo;

        // Initial invariant packed into a long.
        var inv = new long[n];
        for (var i = 0; i < n; i++)
        {
            ref readonly var a = ref atoms[i];
            long v = a.AtomicNumber;
            v = (v << 10) | (includeIsotopes ? a.Isotope & 1023u : 0u);
            v = (v << 4) | (uint)Math.Min(m.Degree(i), 15);
            v = (v << 4) | (uint)Math.Min(a.TotalHydrogensOnAtom, 15);
            v = (v << 5) | (uint)(a.FormalCharge + 16);
            v = (v << 1) | (rings.IsAtomInRing(i) ? 1u : 0u);
            v = (v << 2) | a.RadicalElectrons & 3u;
            v = (v << 1) | (a.IsAromatic ? 1u : 0u);
            v = (v << 16) | (includeIsotopes ? a.MapNumber : 0u);
            inv[i] = v;
        }
        var stereoInv = new int[n];
        RankByKey(inv, ranks);
        var order = new int[n];
        var keyBuf = new long[n];
        var scratch = new int[n];
        var nbKeys = new long[adjAtoms.Length];
        var classes = Refine(m, ranks, stereoInv, order, nbKeys, keyBuf, scratch, adjStart, adjAtoms, adjBonds, bonds);
        if (!useStereo && !breakTies) return ranks;

        while (true)
        {
            if (useStereo && UpdateStereoInvariants(m, ranks, stereoInv, adjStart, adjAtoms, adjBonds, atoms, bonds))
            {
                // Fold stereo invariants into ranks (stable: stereo splits classes only).
                for (var i = 0; i < n; i++) inv[i] = ((long)ranks[i] << 3) | (uint)stereoInv[i];
                RankByKey(inv, ranks);
                classes = Refine(m, ranks, stereoInv, order, nbKeys, keyBuf, scratch, adjStart, adjAtoms, adjBonds, bonds);
                continue;
            }
            if (classes == n || !breakTies) break;
            // Break a tie: the lowest rank shared by several atoms; promote its first atom (ranks are "number of atoms
            // ranked below", so a tied class occupies a gap above its rank).
            var tie = int.MaxValue;
            var counts = scratch;
            Array.Clear(counts);
            for (var i = 0; i < n; i++) counts[ranks[i]]++;
            for (var r = 0; r < n; r++) if (counts[r] > 1) { tie = r; break; }
            var chosen = -1;
            if (useStereo && HasUnresolvedStereo(m, stereoInv))
            {
                var pick = 0;
                if (stereoStep < path.Length) pick = path[stereoStep];
                else if (!needBranch)
                {
                    needBranch = true;
                    branchWidth = counts[tie];
                }
                stereoStep++;
                var seen = 0;
                for (var i = 0; i < n; i++)
                    if (ranks[i] == tie && seen++ == pick) { chosen = i; break; }
                if (chosen < 0) for (var i = 0; i < n; i++) if (ranks[i] == tie) { chosen = i; break; }
            }
            else
                for (var i = 0; i < n; i++) if (ranks[i] == tie) { chosen = i; break; }
            for (var i = 0; i < n; i++) inv[i] = ((long)ranks[i] << 1) | (ranks[i] == tie && i != chosen ? 1u : 0u);
            RankByKey(inv, ranks);
            classes = Refine(m, ranks, stereoInv, order, nbKeys, keyBuf, scratch, adjStart, adjAtoms, adjBonds, bonds);
        }
        return ranks;
    }

    /// <summary>ranks[i] = number of atoms with a strictly smaller key (dense ties share a rank).</summary>
    private static void RankByKey(long[] key, int[] ranks)
    {
        var n = key.Length;
        var idx = new int[n];
        for (var i = 0; i < n; i++) idx[i] = i;
        var keys = (long[])key.Clone();
        Array.Sort(keys, idx);
        for (var j = 0; j < n; j++)
            ranks[idx[j]] = j > 0 && keys[j] == keys[j - 1] ? ranks[idx[j - 1]] : j;
    }

    /// <summary>Iterative refinement: atoms of one class are split by a 32-bit hash of their sorted
    /// (neighbour rank, bond order) lists; keys (old rank, hash) keep the order of the old classes. Returns the number
    /// of classes.</summary>
    private static int Refine(Molecule m, int[] ranks, int[] stereoInv, int[] order, long[] nbKeys, long[] keyBuf, int[] scratch,
        int[] adjStart, int[] adjAtoms, int[] adjBonds, ReadOnlySpan<Bond> bonds)
    {
        var n = ranks.Length;
        var classes = CountClasses(ranks, scratch);
        while (classes < n)
        {
            for (var i = 0; i < n; i++)
            {
                var s = adjStart[i];
                var e = adjStart[i + 1];
                for (var p = s; p < e; p++)
                    nbKeys[p] = ((long)ranks[adjAtoms[p]] << 4) | (byte)bonds[adjBonds[p]].Order;
                var span = nbKeys.AsSpan(s, e - s);
                if (span.Length > 1) span.Sort();
                ulong h = 14695981039346656037UL;
                foreach (var k in span) h = (h ^ (ulong)k) * 1099511628211UL;
                h ^= h >> 29;
                keyBuf[i] = ((long)ranks[i] << 32) | (uint)h;
                order[i] = i;
            }
            Array.Sort(keyBuf, order, 0, n);
            var newClasses = 0;
            for (var j = 0; j < n; j++)
            {
                if (j == 0 || keyBuf[j] != keyBuf[j - 1]) { scratch[order[j]] = j; newClasses++; }
                else scratch[order[j]] = scratch[order[j - 1]];
            }
            Array.Copy(scratch, ranks, n);
            if (newClasses == classes) break;
            classes = newClasses;
        }
        _ = m; _ = stereoInv;
        return classes;
    }

    private static bool SameNeighbours(int a, int b, int[] adjStart, long[] nbKeys)
    {
        var la = adjStart[a + 1] - adjStart[a];
        if (la != adjStart[b + 1] - adjStart[b]) return false;
        return nbKeys.AsSpan(adjStart[a], la).SequenceEqual(nbKeys.AsSpan(adjStart[b], la));
    }

    private static int CountClasses(int[] ranks, int[] scratch)
    {
        Array.Clear(scratch);
        var c = 0;
        foreach (var r in ranks) if (scratch[r]++ == 0) c++;
        return c;
    }

    /// <summary>Sets stereo invariants (1 or 2) for chiral atoms whose neighbours now have distinct ranks and for the
    /// atoms of stereo double bonds whose reference sides are resolved. Returns true when something new was set.</summary>
    private static bool UpdateStereoInvariants(Molecule m, int[] ranks, int[] stereoInv, int[] adjStart, int[] adjAtoms, int[] adjBonds,
        ReadOnlySpan<Atom> atoms, ReadOnlySpan<Bond> bonds)
    {
        var changed = false;
        Span<int> nb = stackalloc int[4];
        for (var i = 0; i < atoms.Length; i++)
        {
            if (atoms[i].Chirality == ChiralTag.None || stereoInv[i] != 0) continue;
            var deg = adjStart[i + 1] - adjStart[i];
            var h = atoms[i].TotalHydrogensOnAtom;
            if (deg + h < 3 || deg + h > 4 || h > 1 || deg > 4) continue;
            var distinct = true;
            for (var p = adjStart[i]; p < adjStart[i + 1] && distinct; p++)
                for (var q = p + 1; q < adjStart[i + 1]; q++)
                    if (ranks[adjAtoms[p]] == ranks[adjAtoms[q]]) { distinct = false; break; }
            if (!distinct) continue;
            var k = 0;
            for (var p = adjStart[i]; p < adjStart[i + 1]; p++) nb[k++] = ranks[adjAtoms[p]];
            if (h == 1) nb[k++] = -1; // H last in model order; rank -1 (lowest)
            var parity = PermutationParity(nb[..k]);
            var cw = atoms[i].Chirality == ChiralTag.Clockwise;
            stereoInv[i] = (cw ^ parity) ? 2 : 1;
            changed = true;
        }
        for (var b = 0; b < bonds.Length; b++)
        {
            ref readonly var bd = ref bonds[b];
            if (bd.Stereo is not (BondStereo.Cis or BondStereo.Trans) || bd.StereoAtomBegin < 0 || bd.StereoAtomEnd < 0) continue;
            if (stereoInv[bd.Begin] != 0 && stereoInv[bd.End] != 0) continue;
            var hb = HighestOther(bd.Begin, bd.End, ranks, adjStart, adjAtoms, out var okB);
            var he = HighestOther(bd.End, bd.Begin, ranks, adjStart, adjAtoms, out var okE);
            if (!okB || !okE) continue;
            var cis = bd.Stereo == BondStereo.Cis;
            if (hb != bd.StereoAtomBegin) cis = !cis;
            if (he != bd.StereoAtomEnd) cis = !cis;
            var v = cis ? 1 : 2;
            stereoInv[bd.Begin] = stereoInv[bd.Begin] == 0 ? v + 2 : stereoInv[bd.Begin];
            stereoInv[bd.End] = stereoInv[bd.End] == 0 ? v + 2 : stereoInv[bd.End];
            changed = true;
        }
        return changed;
    }

    private static bool HasUnresolvedStereo(Molecule m, int[] stereoInv)
    {
        var atoms = m.Atoms;
        for (var i = 0; i < atoms.Length; i++)
            if (atoms[i].Chirality != ChiralTag.None && stereoInv[i] == 0) return true;
        foreach (ref readonly var b in m.Bonds)
            if (b.Stereo is BondStereo.Cis or BondStereo.Trans && (stereoInv[b.Begin] == 0 || stereoInv[b.End] == 0)) return true;
        return false;
    }

    private static int HighestOther(int atom, int exclude, int[] ranks, int[] adjStart, int[] adjAtoms, out bool ok)
    {
        int best = -1, bestRank = -1, second = -1;
        for (var p = adjStart[atom]; p < adjStart[atom + 1]; p++)
        {
            var o = adjAtoms[p];
            if (o == exclude) continue;
            if (ranks[o] > bestRank) { second = bestRank; bestRank = ranks[o]; best = o; }
            else if (ranks[o] > second) second = ranks[o];
        }
        ok = best >= 0 && second != bestRank;
        return best;
    }

    /// <summary>True when sorting the values needs an odd number of swaps.</summary>
    internal static bool PermutationParity(Span<int> values)
    {
        var odd = false;
        for (var i = 0; i < values.Length; i++)
            for (var j = i + 1; j < values.Length; j++)
                if (values[i] > values[j]) odd = !odd;
        return odd;
    }
}
