using MolForge.Chem.Core;

namespace MolForge.Chem.Descriptors;

/// <summary>RDKit's AddHs for descriptor work: every hydrogen carried by an atom becomes a hydrogen atom bonded
/// to it. Original atoms and bonds keep their indices; rings are unchanged.</summary>
internal static class ExplicitHydrogens
{
    public static (Molecule Molecule, RingInfo Rings) Add(Molecule molecule, RingInfo rings)
    {
        var total = 0;
        foreach (ref readonly var a in molecule.Atoms) total += a.TotalHydrogensOnAtom;
        if (total == 0) return (molecule, rings);
        var b = new MoleculeBuilder();
        var atoms = molecule.Atoms;
        for (var i = 0; i < atoms.Length; i++)
            b.AddAtom(atoms[i] with { ExplicitHydrogens = 0, ImplicitHydrogens = 0, NoImplicit = true });
        foreach (ref readonly var bond in molecule.Bonds) b.AddBond(bond);
        var h = new Atom(1, NoImplicit: true);
        for (var i = 0; i < atoms.Length; i++)
        {
            var k = atoms[i].TotalHydrogensOnAtom;
            for (var j = 0; j < k; j++)
            {
                var hi = b.AddAtom(h);
                b.AddBond(new Bond(i, hi, BondOrder.Single));
            }
        }
        var withH = b.ToMolecule();
        var ringsH = new RingInfo(withH.AtomCount, withH.BondCount, [.. rings.AtomRings], [.. rings.BondRings]);
        return (withH, ringsH);
    }
}
