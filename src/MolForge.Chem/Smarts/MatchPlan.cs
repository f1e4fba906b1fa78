namespace MolForge.Chem.Smarts;

/// <summary>The order in which the matcher assigns query atoms: depth-first over each connected component of the
/// query, starting at its first atom (so atom 0 is always first, as recursive SMARTS require). Each step knows the
/// already-assigned neighbour to extend from (or none: the start of a component) and the other already-assigned
/// neighbours whose bonds must be checked (ring closures).</summary>
internal sealed class MatchPlan
{
    public required int[] Order { get; init; }
    public required int[] Parent { get; init; }
    public required BondExpr?[] ParentBond { get; init; }
    /// <summary>Per step: (earlier query atom, bond expression) pairs to verify.</summary>
    public required (int Atom, BondExpr Expr)[][] Closures { get; init; }

    /// <summary>A start atom for unanchored searches: prefer an element other than C or H, then carbon, then the
    /// most-connected atom; ties by index.</summary>
    public static int MostSelectiveAtom(AtomExpr[] atoms)
    {
        var best = 0;
        var bestScore = int.MinValue;
        for (var i = 0; i < atoms.Length; i++)
        {
            var z = atoms[i].RequiredAtomicNumber;
            var score = z > 1 && z != 6 ? 2 : z == 6 ? 1 : 0;
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    public static MatchPlan Build(AtomExpr[] atoms, QueryBond[] bonds, int first)
    {
        var n = atoms.Length;
        var adj = new List<(int Other, BondExpr Expr)>[n];
        for (var i = 0; i < n; i++) adj[i] = [];
        foreach (var b in bonds)
        {
            adj[b.Begin].Add((b.End, b.Expr));
            adj[b.End].Add((b.Begin, b.Expr));
        }
        var order = new List<int>(n);
        var parent = new int[n];
        var parentBond = new BondExpr?[n];
        var placed = new bool[n];
        var stack = new Stack<(int Atom, int From, BondExpr? Expr)>();
        for (var si = -1; si < n; si++)
        {
            var s = si < 0 ? first : si;
            if (n == 0 || placed[s]) continue;
            stack.Push((s, -1, null));
            while (stack.Count > 0)
            {
                var (a, from, expr) = stack.Pop();
                if (placed[a]) continue;
                placed[a] = true;
                parent[order.Count] = from;
                parentBond[order.Count] = expr;
                order.Add(a);
                for (var k = adj[a].Count - 1; k >= 0; k--)
                    if (!placed[adj[a][k].Other]) stack.Push((adj[a][k].Other, a, adj[a][k].Expr));
            }
        }
        var position = new int[n];
        for (var i = 0; i < n; i++) position[order[i]] = i;
        var closures = new (int, BondExpr)[n][];
        for (var step = 0; step < n; step++)
        {
            var a = order[step];
            var list = new List<(int, BondExpr)>();
            var skippedParent = false;
            foreach (var (other, expr) in adj[a])
            {
                if (position[other] >= step) continue;
                if (!skippedParent && other == parent[step] && ReferenceEquals(expr, parentBond[step]))
                {
                    skippedParent = true;
                    continue;
                }
                list.Add((other, expr));
            }
            closures[step] = [.. list];
        }
        return new MatchPlan { Order = [.. order], Parent = parent, ParentBond = parentBond, Closures = closures };
    }
}
