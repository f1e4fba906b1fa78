using MolForge.Chem.Core;
using MolForge.Chem.Smarts;

namespace MolForge.Chem.Substructure;

/// <summary>Options for <see cref="SubstructureMatcher.Matches(SmartsQuery, SubstructureTarget, MatchOptions?)"/>.
/// Defaults as RDKit's <c>GetSubstructMatches</c>.</summary>
/// <param name="Unique">Drop matches that cover the same set of atoms as an earlier one.</param>
/// <param name="MaxMatches">Stop after this many (unique) matches.</param>
public sealed record MatchOptions(bool Unique = true, int MaxMatches = 1000);

/// <summary>Subgraph-isomorphism search of a SMARTS query in a molecule: depth-first backtracking over the query
/// atoms in <see cref="MatchPlan"/> order (VF2-style: each query atom after the first of its component is matched
/// only among the neighbours of its already-matched parent; ring-closure bonds are checked as soon as both ends
/// are matched); candidates for a component's first atom are prefiltered by element.</summary>
public static class SubstructureMatcher
{
    /// <summary>True when the molecule contains the pattern.</summary>
    public static bool HasMatch(SmartsQuery query, SubstructureTarget target)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        var search = new Search(query, target, -1, null, 1, false);
        return search.Run() > 0;
    }

    /// <summary>True when the molecule contains the pattern.</summary>
    public static bool HasMatch(SmartsQuery query, Molecule molecule) => HasMatch(query, new SubstructureTarget(molecule));

    /// <summary>Number of matches (unique by atom set unless <paramref name="unique"/> is false), up to
    /// <paramref name="maxMatches"/>.</summary>
    public static int CountMatches(SmartsQuery query, SubstructureTarget target, bool unique = true, int maxMatches = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        if (query.AtomCount == 1)
        {
            // One-atom patterns: every matching atom is one (unique) match.
            var expr = query.Atoms[0];
            var count = 0;
            for (var a = 0; a < target.AtomCount && count < maxMatches; a++)
                if (expr.Matches(target, a)) count++;
            return count;
        }
        return new Search(query, target, -1, null, maxMatches, unique).Run();
    }

    /// <summary>Number of unique matches.</summary>
    public static int CountMatches(SmartsQuery query, Molecule molecule) => CountMatches(query, new SubstructureTarget(molecule));

    /// <summary>All matches: each an array mapping query atom index to molecule atom index.</summary>
    public static IReadOnlyList<int[]> Matches(SmartsQuery query, SubstructureTarget target, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new MatchOptions();
        var results = new List<int[]>();
        new Search(query, target, -1, results, options.MaxMatches, options.Unique).Run();
        return results;
    }

    /// <summary>All unique matches in a molecule.</summary>
    public static IReadOnlyList<int[]> Matches(SmartsQuery query, Molecule molecule) => Matches(query, new SubstructureTarget(molecule));

    /// <summary>True when some match maps query atom 0 to <paramref name="atom"/> (recursive SMARTS).</summary>
    public static bool MatchesAt(SmartsQuery query, SubstructureTarget target, int atom)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(target);
        return new Search(query, target, atom, null, 1, false).Run() > 0;
    }

    private sealed class AtomSetComparer : IEqualityComparer<int[]>
    {
        public static readonly AtomSetComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            foreach (var v in obj) h.Add(v);
            return h.ToHashCode();
        }
    }

    private struct Search
    {
        private readonly SmartsQuery _query;
        private readonly MatchPlan _plan;
        private readonly SubstructureTarget _t;
        private readonly Molecule _mol;
        private readonly int _anchor;
        private readonly List<int[]>? _results;
        private readonly int _max;
        private readonly HashSet<int[]>? _seen;
        private int[] _map = [];
        private bool[] _used = [];
        private int _found;

        public Search(SmartsQuery query, SubstructureTarget target, int anchor, List<int[]>? results, int max, bool unique)
        {
            _query = query;
            _plan = anchor >= 0 ? query.Plan : query.FreePlan;
            _t = target;
            _mol = target.Molecule;
            _anchor = anchor;
            _results = results;
            _max = max;
            _seen = unique && query.AtomCount > 1 ? new HashSet<int[]>(AtomSetComparer.Instance) : null;
        }

        public int Run()
        {
            if (_query.AtomCount > _t.AtomCount || _max <= 0) return 0;
            // Element prefilter: the molecule must have at least as many atoms of each element as the query
            // requires (most alert and PAINS patterns fail here without a search).
            foreach (var (z, count) in _query.RequiredElements)
                if (_t.ElementCount(z) < count) return 0;
            var (map, used) = _t.RentScratch(_query.AtomCount);
            _map = map;
            _used = used;
            try
            {
                Extend(0);
            }
            finally
            {
                _t.ReturnScratch();
            }
            return _found;
        }

        // Returns true when the search should stop.
        private bool Extend(int step)
        {
            var plan = _plan;
            if (step == plan.Order.Length) return Record();
            var q = plan.Order[step];
            var expr = _query.AtomArray[q];
            var parent = plan.Parent[step];
            if (parent < 0)
            {
                if (step == 0 && _anchor >= 0) return TryAtom(step, q, expr, _anchor);
                var z = expr.RequiredAtomicNumber;
                for (var a = 0; a < _t.AtomCount; a++)
                {
                    if (_used[a] || (z >= 0 && _t.AtomicNumber(a) != z)) continue;
                    if (TryAtom(step, q, expr, a)) return true;
                }
                return false;
            }
            var from = _map[parent];
            var bondExpr = plan.ParentBond[step]!;
            var nbrs = _mol.NeighborsOf(from);
            var nbrBonds = _mol.BondsOf(from);
            for (var k = 0; k < nbrs.Length; k++)
            {
                var a = nbrs[k];
                if (_used[a] || !bondExpr.Matches(_t, nbrBonds[k])) continue;
                if (TryAtom(step, q, expr, a)) return true;
            }
            return false;
        }

        private bool TryAtom(int step, int q, AtomExpr expr, int a)
        {
            if (_used[a] || !expr.Matches(_t, a)) return false;
            foreach (var (other, bexpr) in _plan.Closures[step])
            {
                var b = _mol.BondIndexBetween(_map[other], a);
                if (b < 0 || !bexpr.Matches(_t, b)) return false;
            }
            _map[q] = a;
            _used[a] = true;
            var stop = Extend(step + 1);
            _used[a] = false;
            return stop;
        }

        private bool Record()
        {
            var n = _query.AtomCount;
            if (_seen is not null)
            {
                var key = _map.AsSpan(0, n).ToArray();
                Array.Sort(key);
                if (!_seen.Add(key)) return false;
            }
            _results?.Add(_map.AsSpan(0, n).ToArray());
            return ++_found >= _max;
        }
    }
}
