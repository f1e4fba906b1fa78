using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields;

/// <summary>The simple rings of a molecule up to a size limit, each as atom indices in ring order, smallest
/// first. For force-field typing (MMFF aromaticity works on 5- and 6-rings, ring-strain types on 3- and
/// 4-rings) the set of all small simple cycles serves where RDKit uses the SSSR; they differ only for bridged
/// systems with rings larger than the limit.</summary>
internal sealed class SmallRings
{
    private readonly List<int[]> _rings = [];
    private readonly List<int>[] _ringsOfAtom;

    public SmallRings(Molecule molecule, int maxSize = 7)
    {
        var n = molecule.AtomCount;
        _ringsOfAtom = new List<int>[n];
        for (var i = 0; i < n; i++) _ringsOfAtom[i] = [];
        var inRingSystem = CycleAtoms(molecule);
        var seen = new HashSet<string>();
        var path = new List<int>();
        var onPath = new bool[n];
        // A cycle is found once from its lowest-index atom, walking only through higher-index atoms.
        for (var start = 0; start < n; start++)
        {
            if (!inRingSystem[start]) continue;
            path.Clear();
            path.Add(start);
            onPath[start] = true;
            Extend(molecule, start, start, path, onPath, inRingSystem, maxSize, seen);
            onPath[start] = false;
        }
        _rings.Sort((a, b) => a.Length.CompareTo(b.Length));
        for (var r = 0; r < _rings.Count; r++)
            foreach (var a in _rings[r]) _ringsOfAtom[a].Add(r);
    }

    private void Extend(Molecule m, int start, int current, List<int> path, bool[] onPath, bool[] cyc, int maxSize, HashSet<string> seen)
    {
        foreach (var nb in m.NeighborsOf(current))
        {
            if (nb == start && path.Count >= 3)
            {
                var ring = path.ToArray();
                // Each cycle is walked in both directions; keep one (second atom lower than last).
                if (ring[1] < ring[^1] && seen.Add(string.Join(',', ring))) _rings.Add(ring);
                continue;
            }
            if (nb <= start || onPath[nb] || !cyc[nb] || path.Count >= maxSize) continue;
            path.Add(nb);
            onPath[nb] = true;
            Extend(m, start, nb, path, onPath, cyc, maxSize, seen);
            onPath[nb] = false;
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>Atoms on some cycle (not removable by repeatedly stripping degree-1 atoms).</summary>
    private static bool[] CycleAtoms(Molecule m)
    {
        var n = m.AtomCount;
        var degree = new int[n];
        var keep = new bool[n];
        var stack = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            degree[i] = m.Degree(i);
            keep[i] = true;
            if (degree[i] <= 1) stack.Push(i);
        }
        while (stack.Count > 0)
        {
            var a = stack.Pop();
            if (!keep[a]) continue;
            keep[a] = false;
            foreach (var nb in m.NeighborsOf(a))
                if (keep[nb] && --degree[nb] <= 1) stack.Push(nb);
        }
        return keep;
    }

    /// <summary>All rings found, smallest first.</summary>
    public IReadOnlyList<int[]> Rings => _rings;

    /// <summary>Indices into <see cref="Rings"/> of the rings containing <paramref name="atom"/>.</summary>
    public IReadOnlyList<int> RingsOf(int atom) => _ringsOfAtom[atom];

    /// <summary>True when the atom is in a ring of exactly this size.</summary>
    public bool IsInRingOfSize(int atom, int size)
    {
        foreach (var r in _ringsOfAtom[atom])
            if (_rings[r].Length == size) return true;
        return false;
    }

    /// <summary>True when the atom is in any ring.</summary>
    public bool IsInRing(int atom) => _ringsOfAtom[atom].Count > 0;

    /// <summary>Number of rings containing the atom.</summary>
    public int RingCount(int atom) => _ringsOfAtom[atom].Count;

    /// <summary>True when both atoms lie in a common ring of this size.</summary>
    public bool ShareRingOfSize(int a, int b, int size)
    {
        foreach (var r in _ringsOfAtom[a])
            if (_rings[r].Length == size && Array.IndexOf(_rings[r], b) >= 0) return true;
        return false;
    }

    /// <summary>True when the bond a-b is in some ring.</summary>
    public bool IsRingBond(int a, int b)
    {
        foreach (var r in _ringsOfAtom[a])
        {
            var ring = _rings[r];
            var i = Array.IndexOf(ring, a);
            if (ring[(i + 1) % ring.Length] == b || ring[(i + ring.Length - 1) % ring.Length] == b) return true;
        }
        return false;
    }
}
