using MolForge.Chem.Rings;

namespace MolForge.Chem.Core;

/// <summary>Ring membership of a molecule as RDKit reports it after sanitisation: the symmetrised smallest set of
/// smallest rings (RDKit's <c>RingInfo</c> with <c>FIND_RING_TYPE_SYMM_SSSR</c>: the SSSR plus, for symmetric
/// cages such as cubane, extra rings of the same size that could replace an SSSR ring). RDKit's SMARTS
/// <c>[Rn]</c>/<c>[rn]</c> and <c>CalcNumRings</c> are defined over this set. Bonds of order
/// <see cref="BondOrder.Zero"/> are ignored, as RDKit ignores them. Immutable; obtain it from
/// <see cref="Molecule.RingInfo"/>.</summary>
public sealed class RingInfo
{
    private readonly int[][] _atomRings;
    private readonly int[][] _bondRings;
    private readonly int[] _atomRingCount;
    private readonly int[] _bondRingCount;
    private readonly int[] _atomMinRing;
    private readonly int[] _bondMinRing;
    private readonly int[][] _fusedSystems;
    private readonly int[] _ringSystemOfRing;

    internal RingInfo(int atomCount, int bondCount, int[][] atomRings, int[][] bondRings)
    {
        _atomRings = atomRings;
        _bondRings = bondRings;
        _atomRingCount = new int[atomCount];
        _bondRingCount = new int[bondCount];
        _atomMinRing = new int[atomCount];
        _bondMinRing = new int[bondCount];
        for (var r = 0; r < atomRings.Length; r++)
        {
            var size = atomRings[r].Length;
            foreach (var a in atomRings[r])
            {
                _atomRingCount[a]++;
                if (_atomMinRing[a] == 0 || size < _atomMinRing[a]) _atomMinRing[a] = size;
            }
            foreach (var b in bondRings[r])
            {
                _bondRingCount[b]++;
                if (_bondMinRing[b] == 0 || size < _bondMinRing[b]) _bondMinRing[b] = size;
            }
        }
        (_fusedSystems, _ringSystemOfRing) = FusedSystemsOf(bondRings, bondCount);
    }

    /// <summary>Number of rings (RDKit's <c>RingInfo.NumRings()</c>, i.e. <c>CalcNumRings</c>).</summary>
    public int RingCount => _atomRings.Length;

    /// <summary>Atom indices of each ring, in walking order around the ring.</summary>
    public IReadOnlyList<int[]> AtomRings => _atomRings;

    /// <summary>Bond indices of each ring, aligned with <see cref="AtomRings"/> (bond i joins atom i and i+1).</summary>
    public IReadOnlyList<int[]> BondRings => _bondRings;

    /// <summary>Atoms of ring <paramref name="ring"/>.</summary>
    public ReadOnlySpan<int> AtomRing(int ring) => _atomRings[ring];

    /// <summary>Bonds of ring <paramref name="ring"/>.</summary>
    public ReadOnlySpan<int> BondRing(int ring) => _bondRings[ring];

    /// <summary>Number of rings containing the atom (SMARTS <c>R&lt;n&gt;</c>).</summary>
    public int NumAtomRings(int atom) => _atomRingCount[atom];

    /// <summary>Number of rings containing the bond.</summary>
    public int NumBondRings(int bond) => _bondRingCount[bond];

    /// <summary>True when the atom is in at least one ring.</summary>
    public bool IsAtomInRing(int atom) => _atomRingCount[atom] > 0;

    /// <summary>True when the bond is in at least one ring.</summary>
    public bool IsBondInRing(int bond) => _bondRingCount[bond] > 0;

    /// <summary>Size of the smallest ring containing the atom, 0 when none (SMARTS <c>r&lt;n&gt;</c>).</summary>
    public int MinAtomRingSize(int atom) => _atomMinRing[atom];

    /// <summary>Size of the smallest ring containing the bond, 0 when none.</summary>
    public int MinBondRingSize(int bond) => _bondMinRing[bond];

    /// <summary>True when some ring of exactly <paramref name="size"/> atoms contains the atom.</summary>
    public bool IsAtomInRingOfSize(int atom, int size)
    {
        if (_atomRingCount[atom] == 0) return false;
        foreach (var ring in _atomRings)
            if (ring.Length == size && Array.IndexOf(ring, atom) >= 0) return true;
        return false;
    }

    /// <summary>True when some ring of exactly <paramref name="size"/> bonds contains the bond.</summary>
    public bool IsBondInRingOfSize(int bond, int size)
    {
        if (_bondRingCount[bond] == 0) return false;
        foreach (var ring in _bondRings)
            if (ring.Length == size && Array.IndexOf(ring, bond) >= 0) return true;
        return false;
    }

    /// <summary>Fused ring systems: groups of ring indices whose rings share at least one bond (as RDKit's
    /// aromaticity and kekulisation code groups them). Spiro rings (sharing only an atom) are separate systems.</summary>
    public IReadOnlyList<int[]> FusedSystems => _fusedSystems;

    /// <summary>Index into <see cref="FusedSystems"/> of the system ring <paramref name="ring"/> belongs to.</summary>
    public int FusedSystemOfRing(int ring) => _ringSystemOfRing[ring];

    /// <summary>Ring perception for a molecule (called lazily by <see cref="Molecule.RingInfo"/>).</summary>
    internal static RingInfo Compute(Molecule molecule) => SssrFinder.Find(molecule);

    private static (int[][] Systems, int[] SystemOfRing) FusedSystemsOf(int[][] bondRings, int bondCount)
    {
        var n = bondRings.Length;
        var parent = new int[n];
        for (var i = 0; i < n; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        var owner = new int[bondCount];
        Array.Fill(owner, -1);
        for (var r = 0; r < n; r++)
        {
            foreach (var b in bondRings[r])
            {
                if (owner[b] < 0) owner[b] = r;
                else
                {
                    int x = Find(owner[b]), y = Find(r);
                    if (x != y) parent[Math.Max(x, y)] = Math.Min(x, y);
                }
            }
        }
        var systemOfRoot = new int[n];
        Array.Fill(systemOfRoot, -1);
        var systemOfRing = new int[n];
        var lists = new List<List<int>>();
        for (var r = 0; r < n; r++)
        {
            var root = Find(r);
            if (systemOfRoot[root] < 0)
            {
                systemOfRoot[root] = lists.Count;
                lists.Add([]);
            }
            systemOfRing[r] = systemOfRoot[root];
            lists[systemOfRoot[root]].Add(r);
        }
        var systems = new int[lists.Count][];
        for (var i = 0; i < systems.Length; i++) systems[i] = [.. lists[i]];
        return (systems, systemOfRing);
    }
}
