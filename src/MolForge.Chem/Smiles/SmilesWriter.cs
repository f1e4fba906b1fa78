using System.Globalization;
using System.Text;
using MolForge.Chem.Canonical;
using MolForge.Chem.Core;
using MolForge.Chem.Sanitization;

namespace MolForge.Chem.Smiles;

/// <summary>Options for <see cref="SmilesWriter"/>.</summary>
public sealed record SmilesWriterOptions
{
    /// <summary>Canonical isomeric SMILES with aromatic lower-case atoms (the default).</summary>
    public static SmilesWriterOptions Default { get; } = new();

    /// <summary>Order atoms canonically (<see cref="AtomRanker"/>); false writes in atom-index order.</summary>
    public bool Canonical { get; init; } = true;

    /// <summary>Write tetrahedral and double-bond stereo, isotopes and atom maps (isomeric SMILES). Default true.</summary>
    public bool IncludeStereo { get; init; } = true;

    /// <summary>Write a Kekulé form (upper-case atoms, explicit double bonds) instead of aromatic atoms.</summary>
    public bool Kekule { get; init; }
}

/// <summary>Writes SMILES: a depth-first walk from the lowest-ranked atom of each fragment, neighbours in rank order,
/// ring closures numbered with the lowest free digit, bracket atoms only where the reader's valence model would not
/// restore the hydrogens, chirality expressed against the written neighbour order, and '/' '\' placed so each stereo
/// double bond reads back with its cis/trans relation (Weininger 1988; ranks after Schneider et al. 2015).</summary>
public static class SmilesWriter
{
    /// <summary>Writes the molecule as SMILES (canonical isomeric by default).</summary>
    public static string Write(Molecule molecule, SmilesWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        options ??= SmilesWriterOptions.Default;
        var n = molecule.AtomCount;
        if (n == 0) return "";
        if (!options.Canonical) return new Writer(molecule, options, Identity(n)).Run();
        var ranks = AtomRanker.Rank(molecule, options.IncludeStereo, true, options.IncludeStereo, default, out var branch, out _);
        if (!branch) return new Writer(molecule, options, ranks).Run();
        // Unresolved stereo at a tie break: try every choice (bounded) and keep the smallest string.
        string? best = null;
        var leaves = 0;
        Enumerate(molecule, options, [], ref best, ref leaves);
        return best!;
    }

    private const int MaxStereoLeaves = 64;

    private static void Enumerate(Molecule m, SmilesWriterOptions o, List<int> path, ref string? best, ref int leaves)
    {
        var ranks = AtomRanker.Rank(m, true, true, true, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path), out var branch, out var width);
        if (!branch || leaves >= MaxStereoLeaves)
        {
            leaves++;
            var s = new Writer(m, o, ranks).Run();
            if (best is null || string.CompareOrdinal(s, best) < 0) best = s;
            return;
        }
        for (var c = 0; c < width && leaves < MaxStereoLeaves; c++)
        {
            path.Add(c);
            Enumerate(m, o, path, ref best, ref leaves);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static int[] Identity(int n)
    {
        var r = new int[n];
        for (var i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private sealed class Writer
    {
        private readonly Molecule _m;
        private readonly SmilesWriterOptions _o;
        private readonly int[] _rank;
        private readonly BondOrder[] _order;   // bond orders as written (Kekulé form when requested)
        private readonly bool[] _lower;        // atom written lower-case (aromatic)
        private readonly int[] _parent;
        private readonly int[] _parentBond;
        private readonly int[] _visitOrder;
        private readonly List<int>[] _children;
        private readonly List<int>[] _ringBonds; // ring-closure bonds at each atom
        private readonly bool[] _isRingClosure;
        private readonly int[] _ringOpener;      // atom written first for ring-closure bonds
        private readonly char[] _dir;            // '/', '\\' or '\0' per bond, relative to written direction
        private readonly int[] _writtenFrom;     // atom written first for each bond
        private readonly StringBuilder _sb = new(64);

        public Writer(Molecule m, SmilesWriterOptions o, int[] ranks)
        {
            _m = m;
            _o = o;
            var n = m.AtomCount;
            _rank = ranks;
            _order = new BondOrder[m.BondCount];
            _lower = new bool[n];
            for (var b = 0; b < m.BondCount; b++) _order[b] = m.GetBond(b).Order;
            for (var i = 0; i < n; i++) _lower[i] = m.GetAtom(i).IsAromatic;
            if (o.Kekule) Kekulise();
            _parent = new int[n];
            _parentBond = new int[n];
            _visitOrder = new int[n];
            _children = new List<int>[n];
            _ringBonds = new List<int>[n];
            for (var i = 0; i < n; i++) { _children[i] = []; _ringBonds[i] = []; }
            _isRingClosure = new bool[m.BondCount];
            _ringOpener = new int[m.BondCount];
            _dir = new char[m.BondCount];
            _writtenFrom = new int[m.BondCount];
        }

        private void Kekulise()
        {
            var any = false;
            for (var b = 0; b < _order.Length; b++) if (_order[b] == BondOrder.Aromatic) { any = true; break; }
            Array.Clear(_lower);
            if (!any) return;
            var g = new MolGraph(_m);
            g.BuildAdjacency();
            var implicitH = new int[g.AtomCount];
            for (var i = 0; i < g.AtomCount; i++)
            {
                ValenceModel.CalcExplicitValence(g, i, false);
                implicitH[i] = g.Atoms[i].ImplicitHydrogens;
            }
            Kekulizer.Kekulize(g, _m.RingInfo, implicitH);
            for (var b = 0; b < _order.Length; b++) _order[b] = g.Bonds[b].Order;
        }

        public string Run()
        {
            var n = _m.AtomCount;
            var visited = new bool[n];
            var counter = 0;
            var byRank = new int[n];
            for (var i = 0; i < n; i++) byRank[i] = i;
            Array.Sort((int[])_rank.Clone(), byRank);
            var roots = new List<int>();
            foreach (var start in byRank)
            {
                if (visited[start]) continue;
                roots.Add(start);
                _parent[start] = -1;
                _parentBond[start] = -1;
                Dfs(start, visited, ref counter);
            }
            if (_o.IncludeStereo) AssignBondDirections();
            var ringDigit = new Dictionary<int, int>();
            var usedDigits = new bool[_m.BondCount + 2];
            for (var f = 0; f < roots.Count; f++)
            {
                if (f > 0) _sb.Append('.');
                Emit(roots[f], ringDigit, usedDigits);
            }
            return _sb.ToString();
        }

        private int[] SortedNeighbours(int atom)
        {
            var nb = _m.NeighborsOf(atom).ToArray();
            Array.Sort(nb, (x, y) => _rank[x].CompareTo(_rank[y]));
            return nb;
        }

        private void Dfs(int v, bool[] visited, ref int counter)
        {
            // Iterative DFS with explicit stack of (atom, neighbour list, position).
            var stack = new Stack<(int Atom, int[] Nbrs, int Pos)>();
            visited[v] = true;
            _visitOrder[v] = counter++;
            stack.Push((v, SortedNeighbours(v), 0));
            while (stack.Count > 0)
            {
                var (a, nbrs, pos) = stack.Pop();
                if (pos >= nbrs.Length) continue;
                stack.Push((a, nbrs, pos + 1));
                var w = nbrs[pos];
                var b = _m.BondIndexBetween(a, w);
                if (b == _parentBond[a]) continue;
                if (visited[w])
                {
                    if (!_isRingClosure[b] && _parentBond[w] != b)
                    {
                        // Back edge: w is an ancestor written earlier; it opens the ring.
                        _isRingClosure[b] = true;
                        _ringOpener[b] = w;
                        _writtenFrom[b] = w;
                        _ringBonds[w].Add(b);
                        _ringBonds[a].Add(b);
                    }
                    continue;
                }
                visited[w] = true;
                _visitOrder[w] = counter++;
                _parent[w] = a;
                _parentBond[w] = b;
                _writtenFrom[b] = a;
                _children[a].Add(w);
                stack.Push((w, SortedNeighbours(w), 0));
            }
        }

        private void Emit(int root, Dictionary<int, int> ringDigit, bool[] usedDigits)
        {
            // Iterative emission: a stack of pending actions (atom to write, or a closing parenthesis).
            var stack = new Stack<(int Atom, int Kind)>(); // Kind 0 = atom, 1 = ')', 2 = '(' then atom
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (a, kind) = stack.Pop();
                if (kind == 1) { _sb.Append(')'); continue; }
                if (kind == 2) _sb.Append('(');
                if (_parentBond[a] >= 0) AppendBond(_parentBond[a], _parent[a], a);
                WriteAtom(a, ringDigit, usedDigits);
                var ch = _children[a];
                // Push in reverse: the last child continues the chain, earlier ones are branches.
                for (var k = ch.Count - 1; k >= 0; k--)
                {
                    if (k == ch.Count - 1) stack.Push((ch[k], 0));
                    else
                    {
                        stack.Push((-1, 1));
                        stack.Push((ch[k], 2));
                    }
                }
            }
        }

        private void AppendBond(int b, int from, int to)
        {
            if (_dir[b] != '\0' && _order[b] == BondOrder.Single) { _sb.Append(_dir[b]); return; }
            switch (_order[b])
            {
                case BondOrder.Single:
                    if (_lower[from] && _lower[to]) _sb.Append('-');
                    break;
                case BondOrder.Double: _sb.Append('='); break;
                case BondOrder.Triple: _sb.Append('#'); break;
                case BondOrder.Quadruple: _sb.Append('$'); break;
                case BondOrder.Aromatic:
                    if (!(_lower[from] && _lower[to])) _sb.Append(':');
                    break;
                case BondOrder.Zero: _sb.Append('~'); break;
            }
        }

        private void WriteAtom(int a, Dictionary<int, int> ringDigit, bool[] usedDigits)
        {
            var at = _m.GetAtom(a);
            // Ring closures at this atom, in a fixed order: closings (partner written earlier) first by digit, then
            // openings by partner rank.
            var rb = _ringBonds[a];
            List<int>? closings = null, openings = null;
            foreach (var b in rb)
            {
                if (_ringOpener[b] == a) (openings ??= []).Add(b);
                else (closings ??= []).Add(b);
            }
            closings?.Sort((x, y) => ringDigit[x].CompareTo(ringDigit[y]));
            openings?.Sort((x, y) => _rank[_m.GetBond(x).OtherAtom(a)].CompareTo(_rank[_m.GetBond(y).OtherAtom(a)]));

            var chiral = _o.IncludeStereo && at.Chirality != ChiralTag.None;
            var tag = at.Chirality;
            if (chiral)
            {
                // Written neighbour order: parent, (H), ring closures in written order, children.
                Span<int> written = stackalloc int[8];
                var k = 0;
                var h = at.TotalHydrogensOnAtom;
                if (_parentBond[a] >= 0) written[k++] = _parentBond[a];
                if (h == 1) written[k++] = -1;
                if (closings is not null) foreach (var b in closings) if (k < 8) written[k++] = b;
                if (openings is not null) foreach (var b in openings) if (k < 8) written[k++] = b;
                foreach (var c in _children[a]) if (k < 8) written[k++] = _m.BondIndexBetween(a, c);
                Span<int> model = stackalloc int[8];
                var mk = 0;
                foreach (var b in _m.BondsOf(a)) if (mk < 8) model[mk++] = b;
                if (h == 1 && mk < 8) model[mk++] = -1;
                if (mk == k && k <= 8)
                {
                    Span<int> pos = stackalloc int[k];
                    for (var i = 0; i < k; i++) pos[i] = model[..mk].IndexOf(written[i]);
                    if (AtomRanker.PermutationParity(pos)) tag = tag == ChiralTag.Clockwise ? ChiralTag.CounterClockwise : ChiralTag.Clockwise;
                }
                else chiral = false;
            }
            WriteAtomSymbol(a, at, chiral ? tag : ChiralTag.None);
            if (closings is not null)
            {
                foreach (var b in closings)
                {
                    var d = ringDigit[b];
                    AppendRingBondSymbol(b);
                    AppendDigit(d);
                    usedDigits[d] = false;
                    ringDigit.Remove(b);
                }
            }
            if (openings is not null)
            {
                foreach (var b in openings)
                {
                    var d = 1;
                    while (usedDigits[d]) d++;
                    usedDigits[d] = true;
                    ringDigit[b] = d;
                    // Bond symbol at the opening digit (direction relative to the opener).
                    if (_dir[b] != '\0' && _order[b] == BondOrder.Single) _sb.Append(_dir[b]);
                    AppendDigit(d);
                }
            }
        }

        private void AppendRingBondSymbol(int b)
        {
            var bd = _m.GetBond(b);
            switch (_order[b])
            {
                case BondOrder.Single:
                    if (_lower[bd.Begin] && _lower[bd.End]) _sb.Append('-');
                    break;
                case BondOrder.Double: _sb.Append('='); break;
                case BondOrder.Triple: _sb.Append('#'); break;
                case BondOrder.Quadruple: _sb.Append('$'); break;
                case BondOrder.Aromatic:
                    if (!(_lower[bd.Begin] && _lower[bd.End])) _sb.Append(':');
                    break;
            }
        }

        private void AppendDigit(int d)
        {
            if (d < 10) _sb.Append((char)('0' + d));
            else if (d < 100) _sb.Append('%').Append(d.ToString(CultureInfo.InvariantCulture));
            else _sb.Append("%(").Append(d.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        private void WriteAtomSymbol(int a, in Atom at, ChiralTag tag)
        {
            int z = at.AtomicNumber;
            var lower = _lower[a];
            var isotope = _o.IncludeStereo ? at.Isotope : 0;
            var map = _o.IncludeStereo ? at.MapNumber : 0;
            var h = at.TotalHydrogensOnAtom;
            var organic = z is 5 or 6 or 7 or 8 or 9 or 15 or 16 or 17 or 35 or 53 || (z == 0 && h == 0);
            if (organic && at.FormalCharge == 0 && isotope == 0 && tag == ChiralTag.None && map == 0 && at.RadicalElectrons == 0
                && (lower ? z is 5 or 6 or 7 or 8 or 15 or 16 : true) && ReaderImplicitH(a) == h)
            {
                if (z == 0) _sb.Append('*');
                else AppendSymbol(z, lower);
                return;
            }
            _sb.Append('[');
            if (isotope != 0) _sb.Append(isotope.ToString(CultureInfo.InvariantCulture));
            if (z == 0) _sb.Append('*');
            else AppendSymbol(z, lower);
            if (tag == ChiralTag.CounterClockwise) _sb.Append('@');
            else if (tag == ChiralTag.Clockwise) _sb.Append("@@");
            if (h > 0)
            {
                _sb.Append('H');
                if (h > 1) _sb.Append(h.ToString(CultureInfo.InvariantCulture));
            }
            if (at.FormalCharge != 0)
            {
                _sb.Append(at.FormalCharge > 0 ? '+' : '-');
                var mag = Math.Abs((int)at.FormalCharge);
                if (mag > 1) _sb.Append(mag.ToString(CultureInfo.InvariantCulture));
            }
            if (map != 0) _sb.Append(':').Append(map.ToString(CultureInfo.InvariantCulture));
            _sb.Append(']');
        }

        private void AppendSymbol(int z, bool lower)
        {
            var s = Elements.Symbol(z);
            if (!lower) { _sb.Append(s); return; }
            _sb.Append(char.ToLowerInvariant(s[0]));
            if (s.Length > 1) _sb.Append(s, 1, s.Length - 1);
        }

        /// <summary>Hydrogens the reader's valence model gives the atom when written without brackets.</summary>
        private int ReaderImplicitH(int a)
        {
            var at = _m.GetAtom(a);
            int z = at.AtomicNumber;
            if (z == 0) return 0;
            double accum = 0;
            var aromaticBond = false;
            foreach (var b in _m.BondsOf(a))
            {
                var o = _order[b];
                // An unmarked bond between two lower-case atoms reads as aromatic.
                var bd = _m.GetBond(b);
                if (o == BondOrder.Aromatic || (o == BondOrder.Single && _lower[bd.Begin] && _lower[bd.End] && false)) aromaticBond = true;
                accum += ValenceModel.Contribution(o);
            }
            var aromatic = _lower[a] || aromaticBond;
            var dv = ValenceModel.Default(z);
            if (accum > dv && aromatic)
            {
                var pval = dv;
                foreach (var v in ValenceModel.Valences(z))
                {
                    if (v == -1 || v > accum) break;
                    pval = v;
                }
                if (accum - pval <= 1.5) accum = pval;
            }
            var ev = (int)Math.Round(accum + 0.1, MidpointRounding.AwayFromZero);
            if (dv == -1) return 0;
            if (aromatic)
                return ev <= dv ? dv - ev : 0;
            foreach (var v in ValenceModel.Valences(z))
            {
                if (v < 0) break;
                if (ev <= v) return v - ev;
            }
            return 0;
        }

        /// <summary>Places '/' '\' on single bonds next to stereo double bonds (directions relative to writing order).</summary>
        private void AssignBondDirections()
        {
            var list = new List<int>();
            for (var b = 0; b < _m.BondCount; b++)
            {
                var bd = _m.GetBond(b);
                if (bd.Stereo is BondStereo.Cis or BondStereo.Trans && bd.StereoAtomBegin >= 0 && bd.StereoAtomEnd >= 0 && _order[b] == BondOrder.Double)
                    list.Add(b);
            }
            if (list.Count == 0) return;
            list.Sort((x, y) => Math.Min(_visitOrder[_m.GetBond(x).Begin], _visitOrder[_m.GetBond(x).End])
                .CompareTo(Math.Min(_visitOrder[_m.GetBond(y).Begin], _visitOrder[_m.GetBond(y).End])));
            foreach (var db in list)
            {
                var bd = _m.GetBond(db);
                int d1 = bd.Begin, d2 = bd.End;
                if (_visitOrder[d2] < _visitOrder[d1]) (d1, d2) = (d2, d1);
                var (n1, b1) = PickDirectionalNeighbour(d1, db);
                var (n2, b2) = PickDirectionalNeighbour(d2, db);
                if (b1 < 0 || b2 < 0) continue;
                if (_dir[b1] == '\0') _dir[b1] = '/';
                var s1 = Sign(b1, d1);
                var cis = bd.Stereo == BondStereo.Cis;
                var ref1 = d1 == bd.Begin ? bd.StereoAtomBegin : bd.StereoAtomEnd;
                var ref2 = d2 == bd.Begin ? bd.StereoAtomBegin : bd.StereoAtomEnd;
                if (n1 != ref1) cis = !cis;
                if (n2 != ref2) cis = !cis;
                var s2 = cis ? s1 : -s1;
                if (_dir[b2] != '\0') continue; // already fixed by a neighbouring double bond
                // Choose the character giving sign s2 for n2 relative to d2.
                _dir[b2] = '/';
                if (Sign(b2, d2) != s2) _dir[b2] = '\\';
            }
        }

        /// <summary>+1 when the neighbour across bond b is "above" double-bond atom d, from the written character.</summary>
        private int Sign(int b, int d)
        {
            var up = _dir[b] == '/';
            var fromD = _writtenFrom[b] == d;
            return fromD == up ? 1 : -1;
        }

        private (int Neighbour, int Bond) PickDirectionalNeighbour(int d, int doubleBond)
        {
            int best = -1, bestBond = -1;
            var bestScore = int.MaxValue;
            var nb = _m.NeighborsOf(d);
            var bs = _m.BondsOf(d);
            for (var k = 0; k < nb.Length; k++)
            {
                var b = bs[k];
                if (b == doubleBond || _order[b] != BondOrder.Single) continue;
                // Prefer bonds already carrying a direction, then tree bonds, then earliest written neighbour.
                var score = (_dir[b] != '\0' ? 0 : 1_000_000) + (_isRingClosure[b] ? 100_000 : 0) + _visitOrder[nb[k]];
                if (score < bestScore) { bestScore = score; best = nb[k]; bestBond = b; }
            }
            return (best, bestBond);
        }
    }
}
