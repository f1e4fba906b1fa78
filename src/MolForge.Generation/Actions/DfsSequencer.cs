using MolForge.Generation.Graphs;

namespace MolForge.Generation.Actions;

/// <summary>Turns a graph into the action sequence that rebuilds it: a depth-first walk (random root and neighbour
/// order when a <see cref="Random"/> is given — the graph analogue of randomised SMILES, Bjerrum 2017 — else from
/// atom 0 in stored order). At each atom's first visit its bonds to atoms already on the path are emitted as RING
/// actions (in an undirected DFS every non-tree edge joins an atom to an ancestor), then the children as ADD
/// actions, then POP.</summary>
public static class DfsSequencer
{
    /// <summary>The action ids, or null when a ring closure needs an offset above the space's maximum
    /// (or the graph is not connected).</summary>
    public static int[]? Sequence(MolGraph g, ActionSpace space, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(space);
        if (g.AtomCount == 0 || !g.IsConnected()) return null;
        var n = g.AtomCount;
        var depth = new int[n];
        Array.Fill(depth, -1);
        var onPath = new bool[n];
        var actions = new List<int>(3 * n);
        var root = random is null ? 0 : random.Next(n);
        var ok = true;
        actions.Add(space.First(g.TypeOf(root)));
        Visit(root, -1, 0);
        return ok ? [.. actions] : null;

        void Visit(int v, int parent, int d)
        {
            depth[v] = d;
            onPath[v] = true;
            var neighbors = g.NeighborsOf(v).ToArray();
            if (random is not null) random.Shuffle(neighbors);
            // Ring closures to ancestors, nearest first.
            var closures = neighbors.Where(x => x.Neighbor != parent && onPath[x.Neighbor])
                .OrderByDescending(x => depth[x.Neighbor]).ToArray();
            foreach (var (u, order) in closures)
            {
                var k = d - depth[u];
                if (k > space.MaxRingOffset) { ok = false; return; }
                actions.Add(space.Ring(order, k));
            }
            foreach (var (c, order) in neighbors)
            {
                if (depth[c] >= 0) continue; // visited: a closure already emitted (here or at c)
                actions.Add(space.Add(g.TypeOf(c), order));
                Visit(c, v, d + 1);
                if (!ok) return;
            }
            actions.Add(space.PopId);
            onPath[v] = false;
        }
    }

    /// <summary>Tries several random orders and returns the first that fits the action space.</summary>
    public static int[]? SequenceWithRetries(MolGraph g, ActionSpace space, Random random, int tries = 8)
    {
        for (var i = 0; i < tries; i++)
        {
            var s = Sequence(g, space, random);
            if (s is not null) return s;
        }
        return null;
    }
}
