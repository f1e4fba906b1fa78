using MolForge.Chem.Core;

namespace MolForge.Chem.Canonical;

/// <summary>Renumbers atoms and bonds of a molecule, keeping its meaning: chiral tags are re-expressed for the new
/// neighbour order and double-bond stereo atoms follow their atoms.</summary>
public static class Renumbering
{
    /// <summary>A copy where old atom <c>atomOrder[k]</c> becomes atom k and old bond <c>bondOrder[k]</c> becomes
    /// bond k (identity bond order when null).</summary>
    public static Molecule Renumber(Molecule molecule, ReadOnlySpan<int> atomOrder, ReadOnlySpan<int> bondOrder = default)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var n = molecule.AtomCount;
        var nb = molecule.BondCount;
        if (atomOrder.Length != n) throw new ArgumentException("atomOrder must list every atom once.", nameof(atomOrder));
        var newIndex = new int[n];
        Array.Fill(newIndex, -1);
        for (var k = 0; k < n; k++)
        {
            if ((uint)atomOrder[k] >= (uint)n || newIndex[atomOrder[k]] >= 0) throw new ArgumentException("atomOrder is not a permutation.", nameof(atomOrder));
            newIndex[atomOrder[k]] = k;
        }
        var bonds = new int[nb];
        if (bondOrder.IsEmpty) for (var k = 0; k < nb; k++) bonds[k] = k;
        else
        {
            if (bondOrder.Length != nb) throw new ArgumentException("bondOrder must list every bond once.", nameof(bondOrder));
            bondOrder.CopyTo(bonds);
        }
        var newBondIndex = new int[nb];
        for (var k = 0; k < nb; k++) newBondIndex[bonds[k]] = k;

        var atoms = new Atom[n];
        Span<int> pos = stackalloc int[9];
        for (var k = 0; k < n; k++)
        {
            var old = atomOrder[k];
            var a = molecule.GetAtom(old);
            if (a.Chirality != ChiralTag.None)
            {
                var oldBonds = molecule.BondsOf(old);
                var deg = oldBonds.Length;
                if (deg <= 8)
                {
                    // Old model order is oldBonds (H last); new order sorts by new bond index (H stays last).
                    for (var i = 0; i < deg; i++) pos[i] = newBondIndex[oldBonds[i]];
                    if (AtomRanker.PermutationParity(pos[..deg]))
                        a = a with { Chirality = a.Chirality == ChiralTag.Clockwise ? ChiralTag.CounterClockwise : ChiralTag.Clockwise };
                }
            }
            atoms[k] = a;
        }
        var newBonds = new Bond[nb];
        for (var k = 0; k < nb; k++)
        {
            var b = molecule.GetBond(bonds[k]);
            newBonds[k] = b with
            {
                Begin = newIndex[b.Begin],
                End = newIndex[b.End],
                StereoAtomBegin = b.StereoAtomBegin < 0 ? -1 : newIndex[b.StereoAtomBegin],
                StereoAtomEnd = b.StereoAtomEnd < 0 ? -1 : newIndex[b.StereoAtomEnd],
            };
        }
        Conformer? conformer = null;
        if (molecule.Conformer is { } c)
        {
            var p = new Point3D[n];
            for (var k = 0; k < n; k++) p[k] = c[atomOrder[k]];
            conformer = new Conformer(p, c.Is3D);
        }
        return new Molecule(atoms, newBonds, conformer, molecule.Name, molecule.Properties);
    }

    /// <summary>A random atom and bond order (Fisher–Yates) applied with <see cref="Renumber"/>.</summary>
    public static Molecule Shuffle(Molecule molecule, Random random)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(random);
        var atoms = new int[molecule.AtomCount];
        for (var i = 0; i < atoms.Length; i++) atoms[i] = i;
        random.Shuffle(atoms);
        var bonds = new int[molecule.BondCount];
        for (var i = 0; i < bonds.Length; i++) bonds[i] = i;
        random.Shuffle(bonds);
        return Renumber(molecule, atoms, bonds);
    }
}
