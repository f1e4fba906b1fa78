using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>Valence figures of a sanitised molecule's atoms as RDKit reports them (for SMARTS <c>v</c>, <c>X</c>,
/// descriptors): explicit valence with RDKit's aromatic rounding, total valence and total connections.</summary>
public static class AtomValences
{
    /// <summary>RDKit's <c>GetExplicitValence</c>: bond orders (aromatic 1.5, rounded as RDKit does) plus hydrogens
    /// carried on the atom as explicit counts (bracket H and H kept by sanitisation).</summary>
    public static int ExplicitValence(Molecule molecule, int atom)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var g = new MolGraph(molecule);
        g.BuildAdjacency();
        return ValenceModel.CalcExplicitValence(g, atom, false);
    }

    /// <summary>RDKit's <c>GetTotalValence</c>: explicit valence plus implicit hydrogens.</summary>
    public static int TotalValence(Molecule molecule, int atom) =>
        ExplicitValence(molecule, atom) + molecule.GetAtom(atom).ImplicitHydrogens;

    /// <summary>RDKit's <c>GetTotalDegree</c> (SMARTS <c>X</c>): neighbours plus hydrogens on the atom.</summary>
    public static int TotalDegree(Molecule molecule, int atom)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        return molecule.Degree(atom) + molecule.GetAtom(atom).TotalHydrogensOnAtom;
    }
}
