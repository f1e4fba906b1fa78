using MolForge.Chem.Core;

namespace MolForge.Chem.Substructure;

/// <summary>RDKit's explicit valence of an atom (Atom::calcExplicitValence, RDKit 2022.09): bond orders (aromatic
/// 1.5) plus explicit hydrogens; an aromatic atom whose sum exceeds its default valence is brought down to the
/// nearest allowed valence within 1.5; then rounded half up.</summary>
internal static class SmartsValence
{
    // Elements "to the left of carbon" whose charge correction flips sign (RDKit isEarlyAtom).
    private static readonly HashSet<int> Early = [3, 4, 5, 11, 12, 13, 19, 20, 21, 22, 37, 38, 39, 40, 55, 56, 57, 72, 87, 88];

    public static int ExplicitValence(Molecule molecule, int atomIndex)
    {
        ref readonly var atom = ref molecule.GetAtom(atomIndex);
        var halves = 0;
        var aromatic = atom.IsAromatic;
        foreach (var b in molecule.BondsOf(atomIndex))
        {
            ref readonly var bond = ref molecule.GetBond(b);
            if (bond.Order == BondOrder.Aromatic || bond.IsAromatic) aromatic = true;
            halves += bond.Order == BondOrder.Aromatic ? 3 : bond.Order.ValenceContributionHalves();
        }
        var accum = halves / 2.0 + atom.ExplicitHydrogens;
        var z = atom.AtomicNumber;
        if (z == 0) return (int)Math.Round(accum + 0.1, MidpointRounding.AwayFromZero);
        var valences = Elements.Valences(z);
        var dv = valences[0];
        int chr = atom.FormalCharge;
        if (Early.Contains(z)) chr = -chr;
        if (z == 6 && chr > 0) chr = -chr;
        if (dv >= 0 && accum > dv + chr && aromatic)
        {
            var pval = dv + chr;
            foreach (var v in valences)
            {
                if (v == -1) break;
                var val = v + chr;
                if (val > accum) break;
                pval = val;
            }
            if (accum - pval <= 1.5) accum = pval;
        }
        return (int)Math.Round(accum + 0.1, MidpointRounding.AwayFromZero);
    }
}
