namespace MolForge.Chem.Core;

// TEMPORARY stand-in until branch chem-smiles (owner of RingInfo) is merged; replaced by theirs at merge.
/// <summary>Ring information (stand-in).</summary>
public sealed class RingInfo
{
    private readonly int[][] _atomRings;
    private readonly int[][] _bondRings;
    private readonly int[] _atomRingCount;
    private readonly int[] _bondRingCount;
    private readonly int[] _atomMinRing;

    internal RingInfo(int atomCount, int bondCount, int[][] atomRings, int[][] bondRings)
    {
        _atomRings = atomRings;
        _bondRings = bondRings;
        _atomRingCount = new int[atomCount];
        _bondRingCount = new int[bondCount];
        _atomMinRing = new int[atomCount];
        foreach (var r in atomRings)
            foreach (var a in r)
            {
                _atomRingCount[a]++;
                if (_atomMinRing[a] == 0 || r.Length < _atomMinRing[a]) _atomMinRing[a] = r.Length;
            }
        foreach (var r in bondRings)
            foreach (var b in r) _bondRingCount[b]++;
    }

    /// <summary>Number of rings.</summary>
    public int RingCount => _atomRings.Length;

    /// <summary>Rings as atom lists.</summary>
    public IReadOnlyList<int[]> AtomRings => _atomRings;

    /// <summary>Rings as bond lists.</summary>
    public IReadOnlyList<int[]> BondRings => _bondRings;

    /// <summary>Rings containing an atom.</summary>
    public int NumAtomRings(int atom) => _atomRingCount[atom];

    /// <summary>Is the bond in a ring.</summary>
    public bool IsBondInRing(int bond) => _bondRingCount[bond] > 0;

    /// <summary>Is the atom in a ring.</summary>
    public bool IsAtomInRing(int atom) => _atomRingCount[atom] > 0;

    /// <summary>Smallest ring size.</summary>
    public int MinAtomRingSize(int atom) => _atomMinRing[atom];

    /// <summary>Is the atom in a ring of this size.</summary>
    public bool IsAtomInRingOfSize(int atom, int size)
    {
        foreach (var r in _atomRings)
            if (r.Length == size && Array.IndexOf(r, atom) >= 0) return true;
        return false;
    }

    internal static RingInfo Compute(Molecule molecule) => new(molecule.AtomCount, molecule.BondCount, [], []);
}
