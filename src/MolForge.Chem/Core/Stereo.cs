namespace MolForge.Chem.Core;

/// <summary>Tetrahedral parity of an atom, with RDKit's meaning: looking from the first neighbour in the atom's
/// bond order (<see cref="Molecule.BondsOf"/>; an implicit/explicit H counts as coming right after the
/// neighbour that precedes it in SMILES), the remaining neighbours run counter-clockwise (<c>@</c>) or clockwise
/// (<c>@@</c>). Precisely: the neighbour order is <see cref="Molecule.BondsOf"/> order with a hydrogen carried on
/// the atom (implicit or bracket H) placed last, which is the same parity as "right after the first neighbour"
/// (checked against RDKit: <c>[C@H](F)(Cl)Br</c> is stored as CHI_TETRAHEDRAL_CW over bonds F, Cl, Br).</summary>
public enum ChiralTag : byte
{
    None = 0,
    /// <summary>SMILES <c>@@</c>.</summary>
    Clockwise = 1,
    /// <summary>SMILES <c>@</c>.</summary>
    CounterClockwise = 2,
}

/// <summary>Double-bond stereo, relative to the bond's two stereo reference atoms
/// (<see cref="Bond.StereoAtomBegin"/> bonded to <see cref="Bond.Begin"/>, <see cref="Bond.StereoAtomEnd"/>
/// bonded to <see cref="Bond.End"/>), as RDKit's STEREOCIS/STEREOTRANS.</summary>
public enum BondStereo : byte
{
    None = 0,
    /// <summary>Reference atoms on the same side (Z when they are the CIP-highest neighbours).</summary>
    Cis = 1,
    /// <summary>Reference atoms on opposite sides.</summary>
    Trans = 2,
    /// <summary>Explicitly unspecified (e.g. a crossed bond in a molfile).</summary>
    Any = 3,
}
