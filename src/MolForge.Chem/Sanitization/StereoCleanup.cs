using MolForge.Chem.Canonical;
using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>Drops stereo marks that cannot be stereo, as RDKit's cleanupChirality and legacy
/// assignStereochemistry(cleanIt=true) do for the common cases: chirality on sp/sp2 or aromatic atoms, on atoms with
/// fewer than three neighbours or two hydrogens, on atoms with two symmetry-equivalent neighbours (except ring
/// stereo such as cis-1,4-disubstituted rings), on neutral three-coordinate nitrogen outside three-membered rings;
/// cis/trans on double bonds in rings smaller than 8 or with two equivalent substituents at one end.</summary>
internal static class StereoCleanup
{
    public static Molecule Apply(Molecule m)
    {
        var atoms = m.Atoms;
        var bonds = m.Bonds;
        var any = false;
        foreach (ref readonly var a in atoms) if (a.Chirality != ChiralTag.None) { any = true; break; }
        if (!any) foreach (ref readonly var b in bonds) if (b.Stereo != BondStereo.None) { any = true; break; }
        if (!any) return m;

        var classes = AtomRanker.SymmetryClasses(m);
        var rings = m.RingInfo;
        Atom[]? newAtoms = null;
        Bond[]? newBonds = null;
        var candidate = new bool[atoms.Length];
        var ringStereo = new bool[atoms.Length];
        for (var i = 0; i < atoms.Length; i++)
        {
            if (atoms[i].Chirality == ChiralTag.None) continue;
            var verdict = ChiralVerdict(m, i, classes);
            if (verdict == 1) candidate[i] = true;
            else if (verdict == 2) ringStereo[i] = true;
        }
        // Ring stereo needs a partner: another possible stereo atom in the same ring system.
        for (var i = 0; i < atoms.Length; i++)
        {
            if (!ringStereo[i]) continue;
            var partner = false;
            for (var r = 0; r < rings.RingCount && !partner; r++)
            {
                var ring = rings.AtomRings[r];
                if (Array.IndexOf(ring, i) < 0) continue;
                foreach (var j in ring)
                    if (j != i && (ringStereo[j] || candidate[j])) { partner = true; break; }
            }
            if (partner) candidate[i] = true;
        }
        for (var i = 0; i < atoms.Length; i++)
        {
            if (atoms[i].Chirality == ChiralTag.None || candidate[i]) continue;
            newAtoms ??= atoms.ToArray();
            newAtoms[i] = newAtoms[i] with { Chirality = ChiralTag.None };
        }
        for (var b = 0; b < bonds.Length; b++)
        {
            ref readonly var bd = ref bonds[b];
            if (bd.Stereo is BondStereo.None or BondStereo.Any) continue;
            if (bd.Order != BondOrder.Double || IsBondInSmallRing(rings, b) || !EndOk(m, bd.Begin, bd.End, classes) || !EndOk(m, bd.End, bd.Begin, classes))
            {
                newBonds ??= bonds.ToArray();
                newBonds[b] = newBonds[b] with { Stereo = BondStereo.None, StereoAtomBegin = -1, StereoAtomEnd = -1 };
            }
        }
        if (newAtoms is null && newBonds is null) return m;
        return new Molecule(newAtoms ?? atoms.ToArray(), newBonds ?? bonds.ToArray(), m.Conformer, m.Name, m.Properties, m.RingInfo);
    }

    private static bool IsBondInSmallRing(RingInfo rings, int bond)
    {
        var min = rings.MinBondRingSize(bond);
        return min > 0 && min < 8;
    }

    private static bool EndOk(Molecule m, int atom, int partner, int[] classes)
    {
        var others = 0;
        var first = -1;
        foreach (var o in m.NeighborsOf(atom))
        {
            if (o == partner) continue;
            others++;
            if (first < 0) first = o;
            else if (classes[first] == classes[o]) return false;
        }
        if (others == 0) return false;
        return others + m.GetAtom(atom).TotalHydrogensOnAtom <= 2;
    }

    /// <summary>0 = not a stereocentre, 1 = stereocentre, 2 = possible ring stereocentre.</summary>
    private static int ChiralVerdict(Molecule m, int i, int[] classes)
    {
        ref readonly var a = ref m.GetAtom(i);
        var deg = m.Degree(i);
        var h = a.TotalHydrogensOnAtom;
        if (deg + h < 3 || deg + h > 4 || h > 1) return 0;
        if (a.IsAromatic) return 0;
        // Hybridisation: count valence and lone pairs (RDKit removes chirality from atoms below sp3).
        var valence = h;
        foreach (var b in m.BondsOf(i))
        {
            var o = m.GetBond(b).Order;
            if (o is BondOrder.Aromatic) return 0;
            valence += o switch { BondOrder.Single => 1, BondOrder.Double => 2, BondOrder.Triple => 3, BondOrder.Quadruple => 4, _ => 0 };
        }
        var outer = ValenceModel.OuterElectrons(a.AtomicNumber);
        var lonePairs = Math.Max(0, outer - valence - a.FormalCharge) / 2;
        if (a.AtomicNumber > 2 && a.AtomicNumber is not (>= 21 and <= 30) && deg + h + lonePairs < 4) return 0;
        if (a.AtomicNumber == 7 && a.FormalCharge == 0 && deg + h == 3 && !m.RingInfo.IsAtomInRingOfSize(i, 3)) return 0;
        // Neighbour classes must differ.
        var nb = m.NeighborsOf(i);
        var duplicate = false;
        int dupA = -1, dupB = -1;
        for (var p = 0; p < nb.Length; p++)
            for (var q = p + 1; q < nb.Length; q++)
                if (classes[nb[p]] == classes[nb[q]])
                {
                    if (duplicate) return 0;
                    duplicate = true;
                    dupA = nb[p];
                    dupB = nb[q];
                }
        if (!duplicate) return 1;
        // Ring stereo: the two equivalent neighbours are both in a ring with this atom.
        if (deg + h != 4) return 0;
        var bondA = m.BondIndexBetween(i, dupA);
        var bondB = m.BondIndexBetween(i, dupB);
        return m.RingInfo.IsBondInRing(bondA) && m.RingInfo.IsBondInRing(bondB) ? 2 : 0;
    }
}
