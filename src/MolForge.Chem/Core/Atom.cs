namespace MolForge.Chem.Core;

/// <summary>An atom of a <see cref="Molecule"/>: an immutable value. Edit atoms through
/// <see cref="MoleculeBuilder"/> with <c>with</c> expressions.</summary>
/// <param name="AtomicNumber">Element (0 = dummy/wildcard atom <c>*</c>).</param>
/// <param name="FormalCharge">Formal charge.</param>
/// <param name="Isotope">Mass number, 0 when unspecified.</param>
/// <param name="ExplicitHydrogens">Hydrogens stated on the atom (bracket <c>[NH4+]</c>), not counting hydrogen
/// atoms present as graph nodes.</param>
/// <param name="ImplicitHydrogens">Hydrogens implied by the valence model (organic-subset atoms); set by
/// sanitisation.</param>
/// <param name="RadicalElectrons">Unpaired electrons.</param>
/// <param name="IsAromatic">Aromatic flag (input or perceived).</param>
/// <param name="Chirality">Tetrahedral parity (see <see cref="ChiralTag"/>).</param>
/// <param name="NoImplicit">True for bracket atoms: the valence model adds no implicit hydrogens.</param>
/// <param name="MapNumber">Atom-map number from SMILES <c>[CH3:1]</c>, 0 when none.</param>
public readonly record struct Atom(
    byte AtomicNumber,
    sbyte FormalCharge = 0,
    ushort Isotope = 0,
    byte ExplicitHydrogens = 0,
    byte ImplicitHydrogens = 0,
    byte RadicalElectrons = 0,
    bool IsAromatic = false,
    ChiralTag Chirality = ChiralTag.None,
    bool NoImplicit = false,
    ushort MapNumber = 0)
{
    /// <summary>Hydrogens carried by the atom (explicit + implicit), not counting H graph nodes.</summary>
    public int TotalHydrogensOnAtom => ExplicitHydrogens + ImplicitHydrogens;

    /// <summary>Element symbol.</summary>
    public string Symbol => Elements.Symbol(AtomicNumber);
}
