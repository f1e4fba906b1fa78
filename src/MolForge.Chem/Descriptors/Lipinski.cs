using MolForge.Chem.Core;
using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Descriptors;

/// <summary>Counting descriptors with RDKit 2022.09's definitions (Code/GraphMol/Descriptors/Lipinski.cpp):
/// H-bond donors and acceptors (rdMolDescriptors.CalcNumHBD/CalcNumHBA SMARTS), rotatable bonds (the strict
/// definition, RDKit's default), rings (SSSR), aromatic rings, fraction of sp3 carbons.</summary>
public static class Lipinski
{
    /// <summary>CalcNumHBD pattern.</summary>
    public static readonly SmartsQuery HbdPattern = SmartsQuery.Parse("[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]");

    /// <summary>CalcNumHBA pattern.</summary>
    public static readonly SmartsQuery HbaPattern = SmartsQuery.Parse(
        "[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]");

    /// <summary>Strict rotatable-bond pattern (RDKit NumRotatableBondsOptions.Strict, the default).</summary>
    public static readonly SmartsQuery StrictRotatableBondPattern = SmartsQuery.Parse(
        "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-,:;!@[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]");

    /// <summary>Hydrogen-bond donors (CalcNumHBD).</summary>
    public static int NumHBD(SubstructureTarget target) => SubstructureMatcher.CountMatches(HbdPattern, target);

    /// <summary>Hydrogen-bond acceptors (CalcNumHBA).</summary>
    public static int NumHBA(SubstructureTarget target) => SubstructureMatcher.CountMatches(HbaPattern, target);

    /// <summary>Rotatable bonds (CalcNumRotatableBonds, strict).</summary>
    public static int NumRotatableBonds(SubstructureTarget target) =>
        SubstructureMatcher.CountMatches(StrictRotatableBondPattern, target);

    /// <summary>Rings in the SSSR (CalcNumRings).</summary>
    public static int NumRings(RingInfo rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        return rings.RingCount;
    }

    /// <summary>SSSR rings whose bonds are all aromatic (CalcNumAromaticRings).</summary>
    public static int NumAromaticRings(Molecule molecule, RingInfo rings)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        var n = 0;
        foreach (var ring in rings.BondRings)
        {
            var all = true;
            foreach (var b in ring)
            {
                ref readonly var bond = ref molecule.GetBond(b);
                if (!bond.IsAromatic && bond.Order != BondOrder.Aromatic) { all = false; break; }
            }
            if (all) n++;
        }
        return n;
    }

    /// <summary>Carbons with four connections (hydrogens included) over all carbons; 0 without carbon
    /// (CalcFractionCSP3).</summary>
    public static double FractionCSP3(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        int c = 0, sp3 = 0;
        for (var i = 0; i < molecule.AtomCount; i++)
        {
            ref readonly var a = ref molecule.GetAtom(i);
            if (a.AtomicNumber != 6) continue;
            c++;
            if (molecule.Degree(i) + a.TotalHydrogensOnAtom == 4) sp3++;
        }
        return c == 0 ? 0 : (double)sp3 / c;
    }
}
