using MolForge.Chem.Core;

namespace MolForge.Chem.Sanitization;

/// <summary>The mutable working form of a molecule during parsing and sanitisation: atom and bond arrays plus a
/// compressed adjacency (built once the topology is fixed) and per-atom valence state.</summary>
internal sealed class MolGraph
{
    public Atom[] Atoms;
    public int AtomCount;
    public Bond[] Bonds;
    public int BondCount;

    // Adjacency in bond-index order (the order that gives chiral tags their meaning).
    public int[] AdjStart = [];
    public int[] AdjAtom = [];
    public int[] AdjBond = [];

    /// <summary>After hydrogen removal: the original index of each remaining atom (null when nothing was removed).</summary>
    public int[]? OriginalIndex;

    /// <summary>Explicit valence per atom (RDKit's d_explicitValence).</summary>
    public int[] ExplicitValence = [];

    public MolGraph(int atomCapacity = 16, int bondCapacity = 16)
    {
        Atoms = new Atom[Math.Max(atomCapacity, 1)];
        Bonds = new Bond[Math.Max(bondCapacity, 1)];
    }

    public MolGraph(Molecule molecule)
    {
        Atoms = molecule.Atoms.ToArray();
        AtomCount = Atoms.Length;
        Bonds = molecule.Bonds.ToArray();
        BondCount = Bonds.Length;
        if (Atoms.Length == 0) Atoms = new Atom[1];
        if (Bonds.Length == 0) Bonds = new Bond[1];
    }

    public int AddAtom(in Atom atom)
    {
        if (AtomCount == Atoms.Length) Array.Resize(ref Atoms, Atoms.Length * 2);
        Atoms[AtomCount] = atom;
        return AtomCount++;
    }

    public int AddBond(in Bond bond)
    {
        if (BondCount == Bonds.Length) Array.Resize(ref Bonds, Bonds.Length * 2);
        Bonds[BondCount] = bond;
        return BondCount++;
    }

    /// <summary>Index of the bond joining a and b (linear scan before <see cref="BuildAdjacency"/>).</summary>
    public int FindBond(int a, int b)
    {
        if (AdjStart.Length == AtomCount + 1 && AdjAtom.Length == 2 * BondCount)
        {
            for (var p = AdjStart[a]; p < AdjStart[a + 1]; p++)
                if (AdjAtom[p] == b) return AdjBond[p];
            return -1;
        }
        for (var i = 0; i < BondCount; i++)
            if (Bonds[i].Joins(a, b)) return i;
        return -1;
    }

    public void BuildAdjacency()
    {
        var n = AtomCount;
        AdjStart = new int[n + 1];
        for (var i = 0; i < BondCount; i++)
        {
            AdjStart[Bonds[i].Begin + 1]++;
            AdjStart[Bonds[i].End + 1]++;
        }
        for (var i = 0; i < n; i++) AdjStart[i + 1] += AdjStart[i];
        AdjAtom = new int[2 * BondCount];
        AdjBond = new int[2 * BondCount];
        var fill = new int[n];
        for (var i = 0; i < BondCount; i++)
        {
            int a = Bonds[i].Begin, b = Bonds[i].End;
            var p = AdjStart[a] + fill[a]++;
            AdjAtom[p] = b; AdjBond[p] = i;
            p = AdjStart[b] + fill[b]++;
            AdjAtom[p] = a; AdjBond[p] = i;
        }
        if (ExplicitValence.Length < n) ExplicitValence = new int[n];
    }

    public int Degree(int atom) => AdjStart[atom + 1] - AdjStart[atom];

    /// <summary>True when the atom is flagged aromatic or has an aromatic bond (RDKit's isAromaticAtom).</summary>
    public bool IsAromaticAtom(int atom)
    {
        if (Atoms[atom].IsAromatic) return true;
        for (var p = AdjStart[atom]; p < AdjStart[atom + 1]; p++)
        {
            ref readonly var b = ref Bonds[AdjBond[p]];
            if (b.IsAromatic || b.Order == BondOrder.Aromatic) return true;
        }
        return false;
    }

    public ReadOnlySpan<Bond> BondSpan => Bonds.AsSpan(0, BondCount);

    public Molecule ToMolecule(string name, RingInfo? rings) =>
        new(Atoms.AsSpan(0, AtomCount).ToArray(), Bonds.AsSpan(0, BondCount).ToArray(), null, name, null, rings);
}
