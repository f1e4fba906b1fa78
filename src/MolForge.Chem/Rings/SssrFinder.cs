using MolForge.Chem.Core;

namespace MolForge.Chem.Rings;

/// <summary>Smallest set of smallest rings, symmetrised as RDKit's legacy <c>symmetrizeSSSR</c> does.
/// Method: the ring bonds are split into biconnected blocks (Tarjan 1972); a block with as many bonds as atoms is
/// one ring; otherwise a minimum cycle basis is chosen from Horton's candidate set (Horton 1987: for every root
/// r and edge xy, the shortest paths r→x, r→y plus xy) by Gaussian elimination over GF(2), shortest candidates
/// first. Extra rings are then added as RDKit does: a candidate that is the smallest ring of one of its atoms is
/// added when it has the size of an SSSR ring it shares a bond with and provides every bond that ring alone
/// provides.</summary>
internal static class SssrFinder
{
    public static RingInfo Find(Molecule molecule) => Find(molecule.AtomCount, molecule.Bonds);

    public static RingInfo Find(int atomCount, ReadOnlySpan<Bond> bonds)
    {
        var bondCount = bonds.Length;
        if (bondCount < 3 || atomCount < 3) return new RingInfo(atomCount, bondCount, [], []);

        // Adjacency (CSR) without zero-order bonds.
        var start = new int[atomCount + 1];
        for (var i = 0; i < bondCount; i++)
        {
            if (bonds[i].Order == BondOrder.Zero) continue;
            start[bonds[i].Begin + 1]++;
            start[bonds[i].End + 1]++;
        }
        for (var i = 0; i < atomCount; i++) start[i + 1] += start[i];
        var nbr = new int[start[atomCount]];
        var nbrBond = new int[start[atomCount]];
        var fill = new int[atomCount];
        for (var i = 0; i < bondCount; i++)
        {
            if (bonds[i].Order == BondOrder.Zero) continue;
            int a = bonds[i].Begin, b = bonds[i].End;
            var p = start[a] + fill[a]++;
            nbr[p] = b; nbrBond[p] = i;
            p = start[b] + fill[b]++;
            nbr[p] = a; nbrBond[p] = i;
        }

        var atomRings = new List<int[]>();
        var bondRings = new List<int[]>();
        var stamp = new int[atomCount];
        var slot0 = new int[atomCount];
        var slot1 = new int[atomCount];
        var blockId = 0;
        foreach (var block in BiconnectedBlocks(atomCount, start, nbr, nbrBond, bondCount))
        {
            if (block.Count < 3) continue;
            blockId++;
            // Distinct atoms of the block and, for simple cycles, the two ring bonds of each atom.
            var atomsInBlock = 0;
            var simple = true;
            foreach (var b in block)
            {
                foreach (var a in (ReadOnlySpan<int>)[bonds[b].Begin, bonds[b].End])
                {
                    if (stamp[a] != blockId) { stamp[a] = blockId; atomsInBlock++; slot0[a] = b; slot1[a] = -1; }
                    else if (slot1[a] < 0) slot1[a] = b;
                    else simple = false;
                }
            }
            if (simple && atomsInBlock == block.Count)
            {
                var first = int.MaxValue;
                foreach (var b in block) first = Math.Min(first, Math.Min(bonds[b].Begin, bonds[b].End));
                var ar = new int[block.Count];
                var br = new int[block.Count];
                // Start at the lowest atom towards its lower neighbour.
                int o0 = bonds[slot0[first]].OtherAtom(first), o1 = bonds[slot1[first]].OtherAtom(first);
                var bond = o0 < o1 ? slot0[first] : slot1[first];
                var cur = first;
                for (var k = 0; k < ar.Length; k++)
                {
                    ar[k] = cur;
                    br[k] = bond;
                    var next = bonds[bond].OtherAtom(cur);
                    bond = slot0[next] == bond ? slot1[next] : slot0[next];
                    cur = next;
                }
                atomRings.Add(ar);
                bondRings.Add(br);
            }
            else
            {
                ComplexBlock(block, AtomsOf(block, bonds), bonds, atomCount, atomRings, bondRings);
            }
        }
        if (atomRings.Count == 0) return new RingInfo(atomCount, bondCount, [], []);
        // Smaller rings first (stable), as RDKit lists them.
        var order = new int[atomRings.Count];
        var keys = new long[atomRings.Count];
        for (var i = 0; i < order.Length; i++) { order[i] = i; keys[i] = ((long)atomRings[i].Length << 32) | (uint)i; }
        Array.Sort(keys, order);
        var ars = new int[order.Length][];
        var brs = new int[order.Length][];
        for (var i = 0; i < order.Length; i++)
        {
            ars[i] = atomRings[order[i]];
            brs[i] = bondRings[order[i]];
        }
        return new RingInfo(atomCount, bondCount, ars, brs);
    }

    /// <summary>Edge-biconnected blocks (lists of bond indices) by an iterative Tarjan DFS with an edge stack.</summary>
    private static List<List<int>> BiconnectedBlocks(int n, int[] start, int[] nbr, int[] nbrBond, int bondCount)
    {
        var blocks = new List<List<int>>();
        var disc = new int[n];
        var low = new int[n];
        var parentBond = new int[n];
        var iter = new int[n];
        var stack = new int[n];
        var edgeStack = new int[bondCount + 1];
        var esp = 0;
        var time = 0;
        for (var root = 0; root < n; root++)
        {
            if (disc[root] != 0 || start[root] == start[root + 1]) continue;
            var sp = 0;
            stack[sp++] = root;
            disc[root] = low[root] = ++time;
            parentBond[root] = -1;
            iter[root] = start[root];
            while (sp > 0)
            {
                var v = stack[sp - 1];
                if (iter[v] < start[v + 1])
                {
                    var p = iter[v]++;
                    int w = nbr[p], e = nbrBond[p];
                    if (e == parentBond[v]) continue;
                    if (disc[w] == 0)
                    {
                        edgeStack[esp++] = e;
                        disc[w] = low[w] = ++time;
                        parentBond[w] = e;
                        iter[w] = start[w];
                        stack[sp++] = w;
                    }
                    else if (disc[w] < disc[v])
                    {
                        edgeStack[esp++] = e;
                        if (disc[w] < low[v]) low[v] = disc[w];
                    }
                }
                else
                {
                    sp--;
                    if (sp == 0) break;
                    var u = stack[sp - 1];
                    if (low[v] < low[u]) low[u] = low[v];
                    if (low[v] >= disc[u] && edgeStack[esp - 1] == parentBond[v])
                    {
                        esp--; // a bridge: no ring
                    }
                    else if (low[v] >= disc[u])
                    {
                        var block = new List<int>();
                        int e;
                        do
                        {
                            e = edgeStack[--esp];
                            block.Add(e);
                        }
                        while (e != parentBond[v]);
                        blocks.Add(block);
                    }
                }
            }
        }
        return blocks;
    }

    private static List<int> AtomsOf(List<int> block, ReadOnlySpan<Bond> bonds)
    {
        var set = new HashSet<int>();
        foreach (var b in block)
        {
            set.Add(bonds[b].Begin);
            set.Add(bonds[b].End);
        }
        var list = new List<int>(set);
        list.Sort();
        return list;
    }

    /// <summary>Walks a simple cycle given as a set of bonds: starts at its lowest atom, towards its lower neighbour.</summary>
    private static (int[] Atoms, int[] Bonds) OrderRing(IReadOnlyList<int> ringBonds, ReadOnlySpan<Bond> bonds, int atomCount)
    {
        var n = ringBonds.Count;
        var first = int.MaxValue;
        foreach (var b in ringBonds) first = Math.Min(first, Math.Min(bonds[b].Begin, bonds[b].End));
        var atoms = new int[n];
        var ringBondOrder = new int[n];
        var used = new bool[n];
        atoms[0] = first;
        var current = first;
        for (var k = 0; k < n; k++)
        {
            // Pick the unused ring bond at `current` leading to the lowest atom (only matters at k == 0).
            int best = -1, bestOther = int.MaxValue;
            for (var j = 0; j < n; j++)
            {
                if (used[j]) continue;
                var bd = bonds[ringBonds[j]];
                if (bd.Begin != current && bd.End != current) continue;
                var other = bd.OtherAtom(current);
                if (other < bestOther) { bestOther = other; best = j; }
                if (k > 0) break;
            }
            if (best < 0) break;
            used[best] = true;
            ringBondOrder[k] = ringBonds[best];
            current = bestOther;
            if (k + 1 < n) atoms[k + 1] = current;
        }
        return (atoms, ringBondOrder);
    }

    private static void ComplexBlock(List<int> block, List<int> atoms, ReadOnlySpan<Bond> bonds, int atomCount,
        List<int[]> atomRings, List<int[]> bondRings)
    {
        var nv = atoms.Count;
        var ne = block.Count;
        var k = ne - nv + 1;
        var local = new Dictionary<int, int>(nv);
        for (var i = 0; i < nv; i++) local[atoms[i]] = i;
        // Local adjacency.
        var deg = new int[nv + 1];
        var ea = new int[ne];
        var eb = new int[ne];
        for (var e = 0; e < ne; e++)
        {
            ea[e] = local[bonds[block[e]].Begin];
            eb[e] = local[bonds[block[e]].End];
            deg[ea[e] + 1]++;
            deg[eb[e] + 1]++;
        }
        for (var i = 0; i < nv; i++) deg[i + 1] += deg[i];
        var adj = new int[2 * ne];
        var adjE = new int[2 * ne];
        var f = new int[nv];
        for (var e = 0; e < ne; e++)
        {
            var p = deg[ea[e]] + f[ea[e]]++;
            adj[p] = eb[e]; adjE[p] = e;
            p = deg[eb[e]] + f[eb[e]]++;
            adj[p] = ea[e]; adjE[p] = e;
        }

        var words = (ne + 63) >> 6;
        var candidates = new List<ulong[]>();
        var candSize = new List<int>();
        var dist = new int[nv];
        var parentV = new int[nv];
        var parentE = new int[nv];
        var branch = new int[nv];
        var queue = new int[nv];
        for (var r = 0; r < nv; r++)
        {
            Array.Fill(dist, -1);
            dist[r] = 0; parentV[r] = -1; parentE[r] = -1; branch[r] = -1;
            int qh = 0, qt = 0;
            queue[qt++] = r;
            while (qh < qt)
            {
                var v = queue[qh++];
                for (var p = deg[v]; p < deg[v + 1]; p++)
                {
                    var w = adj[p];
                    if (dist[w] >= 0) continue;
                    dist[w] = dist[v] + 1;
                    parentV[w] = v;
                    parentE[w] = adjE[p];
                    branch[w] = v == r ? w : branch[v];
                    queue[qt++] = w;
                }
            }
            for (var e = 0; e < ne; e++)
            {
                int x = ea[e], y = eb[e];
                if (parentE[x] == e || parentE[y] == e) continue;
                if (x == r || y == r)
                {
                    // Edge touching the root that is not a tree edge: the cycle is r - other ... r.
                    var o = x == r ? y : x;
                    if (branch[o] < 0) continue;
                }
                else if (branch[x] == branch[y]) continue; // paths share more than the root
                var size = dist[x] + dist[y] + 1;
                if (size > 2 * nv) continue;
                var bits = new ulong[words];
                bits[e >> 6] |= 1UL << (e & 63);
                for (var v = x; v != r; v = parentV[v]) bits[parentE[v] >> 6] |= 1UL << (parentE[v] & 63);
                for (var v = y; v != r; v = parentV[v]) bits[parentE[v] >> 6] |= 1UL << (parentE[v] & 63);
                candidates.Add(bits);
                candSize.Add(size);
            }
        }
        // Sort by size, then bit pattern, and drop duplicates.
        var idx = new int[candidates.Count];
        for (var i = 0; i < idx.Length; i++) idx[i] = i;
        Array.Sort(idx, (i, j) =>
        {
            if (candSize[i] != candSize[j]) return candSize[i].CompareTo(candSize[j]);
            var a = candidates[i];
            var b = candidates[j];
            for (var w = 0; w < a.Length; w++)
                if (a[w] != b[w]) return a[w].CompareTo(b[w]);
            return i.CompareTo(j);
        });
        var unique = new List<int>();
        foreach (var i in idx)
        {
            if (unique.Count > 0 && candSize[unique[^1]] == candSize[i] && candidates[unique[^1]].AsSpan().SequenceEqual(candidates[i])) continue;
            unique.Add(i);
        }

        // Gaussian elimination (GF(2)) with pivot rows indexed by their lowest bit.
        var pivotRows = new ulong[ne][];
        var chosen = new List<int>();
        var isChosen = new bool[candidates.Count];
        var tmp = new ulong[words];
        foreach (var ci in unique)
        {
            if (chosen.Count == k) break;
            candidates[ci].CopyTo(tmp, 0);
            var pivot = Reduce(tmp, pivotRows);
            if (pivot < 0) continue;
            pivotRows[pivot] = (ulong[])tmp.Clone();
            chosen.Add(ci);
            isChosen[ci] = true;
        }

        var sssrBondCount = new int[ne];
        var chosenLocal = new List<int[]>();
        foreach (var ci in chosen)
        {
            var edges = EdgesOf(candidates[ci], ne);
            foreach (var e in edges) sssrBondCount[e]++;
            chosenLocal.Add(edges);
            AddRing(edges, block, bonds, atomCount, atomRings, bondRings);
        }

        // Symmetrisation (RDKit legacySymmetrizeSSSR): candidates that are a smallest ring of one of their atoms.
        var minRingOfAtom = new int[nv];
        foreach (var ci in unique)
        {
            foreach (var e in EdgesOf(candidates[ci], ne))
            {
                foreach (var v in (ReadOnlySpan<int>)[ea[e], eb[e]])
                    if (minRingOfAtom[v] == 0 || candSize[ci] < minRingOfAtom[v]) minRingOfAtom[v] = candSize[ci];
            }
        }
        var maxChosen = 0;
        foreach (var ci in chosen) maxChosen = Math.Max(maxChosen, candSize[ci]);
        foreach (var ci in unique)
        {
            if (isChosen[ci] || candSize[ci] > maxChosen) continue;
            var edges = EdgesOf(candidates[ci], ne);
            var smallestForSome = false;
            foreach (var e in edges)
                if (minRingOfAtom[ea[e]] == candSize[ci] || minRingOfAtom[eb[e]] == candSize[ci]) { smallestForSome = true; break; }
            _ = smallestForSome; // RDKit's candidates are not limited to per-atom smallest rings (measured: 8 vs 15 disagreements in 43,634)
            var edgeSet = new HashSet<int>(edges);
            foreach (var ring in chosenLocal)
            {
                if (ring.Length != edges.Length) continue;
                bool share = false, replacesUnique = true;
                foreach (var e in ring)
                {
                    var inExtra = edgeSet.Contains(e);
                    if (inExtra) share = true;
                    else if (sssrBondCount[e] == 1) { replacesUnique = false; break; }
                }
                if (share && replacesUnique)
                {
                    AddRing(edges, block, bonds, atomCount, atomRings, bondRings);
                    break;
                }
            }
        }
    }

    private static int Reduce(ulong[] v, ulong[][] pivotRows)
    {
        for (var w = 0; w < v.Length; w++)
        {
            while (v[w] != 0)
            {
                var bit = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(v[w]);
                var row = pivotRows[bit];
                if (row is null) return bit;
                for (var j = w; j < v.Length; j++) v[j] ^= row[j];
            }
        }
        return -1;
    }

    private static int[] EdgesOf(ulong[] bits, int ne)
    {
        var count = 0;
        foreach (var w in bits) count += System.Numerics.BitOperations.PopCount(w);
        var res = new int[count];
        var k = 0;
        for (var e = 0; e < ne; e++)
            if ((bits[e >> 6] & (1UL << (e & 63))) != 0) res[k++] = e;
        return res;
    }

    private static void AddRing(int[] localEdges, List<int> block, ReadOnlySpan<Bond> bonds, int atomCount, List<int[]> atomRings, List<int[]> bondRings)
    {
        var global = new int[localEdges.Length];
        for (var i = 0; i < global.Length; i++) global[i] = block[localEdges[i]];
        var (ar, br) = OrderRing(global, bonds, atomCount);
        atomRings.Add(ar);
        bondRings.Add(br);
    }
}
