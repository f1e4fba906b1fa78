using MolForge.Chem.Core;

namespace MolForge.Chem.Descriptors;

/// <summary>RDKit's AddHs for descriptor work: every hydrogen carried by an atom becomes a hydrogen atom bonded
/// to it. Original atoms and bonds keep their indices (hydrogens and their bonds are appended); rings are
/// unchanged.</summary>
internal static class ExplicitHydrogens
{
    public static (Molecule Molecule, RingInfo Rings) Add(Molecule molecule, RingInfo rings)
    {
        var atoms = molecule.Atoms;
        var total = 0;
        foreach (ref readonly var a in atoms) total += a.TotalHydrogensOnAtom;
        if (total == 0) return (molecule, rings);
        var n = atoms.Length;
        var newAtoms = new Atom[n + total];
        var newBonds = new Bond[molecule.BondCount + total];
        molecule.Bonds.CopyTo(newBonds);
        var h = new Atom(1, NoImplicit: true);
        var next = n;
        var nb = molecule.BondCount;
        for (var i = 0; i < n; i++)
        {
            var k = atoms[i].TotalHydrogensOnAtom;
            newAtoms[i] = k == 0 ? atoms[i] : atoms[i] with { ExplicitHydrogens = 0, ImplicitHydrogens = 0, NoImplicit = true };
            for (var j = 0; j < k; j++)
            {
                newAtoms[next] = h;
                newBonds[nb++] = new Bond(i, next, BondOrder.Single);
                next++;
            }
        }
        var ringsH = new RingInfo(newAtoms.Length, newBonds.Length, [.. rings.AtomRings], [.. rings.BondRings]);
        return (new Molecule(newAtoms, newBonds, null, molecule.Name, null, ringsH), ringsH);
    }
}
