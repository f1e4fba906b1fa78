using System.Globalization;
using System.Text;

namespace MolForge.Generation.Graphs;

/// <summary>Thrown when a Kekulé SMILES cannot become a <see cref="MolGraph"/>; the message names the position.</summary>
public sealed class GraphFormatException(string message) : FormatException(message);

/// <summary>Reads and writes the generator's interchange form: Kekulé SMILES (Weininger 1988) without aromatic atoms,
/// stereo or isotopes, one fragment, hydrogens implicit. Canonical, aromatic SMILES are the Chem SMILES writer's
/// job; this form only has to round-trip the generator's graphs exactly.</summary>
public static class KekuleSmiles
{
    /// <summary>Writes a graph as Kekulé SMILES (depth-first from atom 0, ring closures as digits).</summary>
    public static string Write(MolGraph g)
    {
        if (g.AtomCount == 0) return "";
        var sb = new StringBuilder();
        var visited = new bool[g.AtomCount];
        var order = new int[g.AtomCount];
        var counter = 0;
        // First pass: DFS order and the non-tree bonds (ring closures).
        var parent = new int[g.AtomCount];
        Array.Fill(parent, -1);
        var closures = new List<(int A, int B, int Order)>();
        var stack = new Stack<int>();
        for (var root = 0; root < g.AtomCount; root++)
        {
            if (visited[root]) continue;
            Dfs(root);
        }
        void Dfs(int v)
        {
            visited[v] = true;
            order[v] = counter++;
            foreach (var (n, o) in g.NeighborsOf(v))
            {
                if (n == parent[v]) continue;
                if (!visited[n]) { parent[n] = v; Dfs(n); }
                else if (order[n] < order[v]) closures.Add((n, v, o));
            }
        }
        var ringsAt = new List<(int Partner, int Order)>[g.AtomCount];
        for (var i = 0; i < g.AtomCount; i++) ringsAt[i] = [];
        foreach (var (a, b, o) in closures) { ringsAt[a].Add((b, o)); ringsAt[b].Add((a, o)); }
        var digitOf = new Dictionary<(int, int), int>();
        var freeDigits = new SortedSet<int>(Enumerable.Range(1, 99));
        Array.Fill(visited, false);
        var first = true;
        for (var root = 0; root < g.AtomCount; root++)
        {
            if (visited[root]) continue;
            if (!first) sb.Append('.');
            first = false;
            Emit(root, -1);
        }
        return sb.ToString();

        void Emit(int v, int from)
        {
            visited[v] = true;
            AppendAtom(sb, g, v);
            foreach (var (p, o) in ringsAt[v])
            {
                var key = (Math.Min(v, p), Math.Max(v, p));
                if (digitOf.TryGetValue(key, out var d))
                {
                    sb.Append(BondSymbol(o));
                    AppendDigit(sb, d);
                    digitOf.Remove(key);
                    freeDigits.Add(d);
                }
                else
                {
                    d = freeDigits.Min;
                    freeDigits.Remove(d);
                    digitOf[key] = d;
                    AppendDigit(sb, d);
                }
            }
            var children = new List<(int, int)>();
            foreach (var (n, o) in g.NeighborsOf(v))
                if (n != from && parent[n] == v && !visited[n]) children.Add((n, o));
            for (var c = 0; c < children.Count; c++)
            {
                var (n, o) = children[c];
                var branch = c < children.Count - 1;
                if (branch) sb.Append('(');
                sb.Append(BondSymbol(o));
                Emit(n, v);
                if (branch) sb.Append(')');
            }
        }
    }

    private static string BondSymbol(int order) => order switch { 2 => "=", 3 => "#", _ => "" };

    private static void AppendDigit(StringBuilder sb, int d)
    {
        if (d < 10) sb.Append((char)('0' + d));
        else sb.Append('%').Append(d.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendAtom(StringBuilder sb, MolGraph g, int i)
    {
        var t = g.AtomTypeOf(i);
        var h = g.HydrogenCount(i);
        // Organic-subset atoms get the same implicit H from SMILES' rule (lowest normal valence >= bond sum).
        if (t.IsOrganicSubset) { sb.Append(t.Symbol); return; }
        sb.Append('[').Append(t.Symbol);
        if (h > 0) sb.Append('H');
        if (h > 1) sb.Append(h.ToString(CultureInfo.InvariantCulture));
        if (t.Charge != 0)
        {
            sb.Append(t.Charge > 0 ? '+' : '-');
            if (Math.Abs(t.Charge) > 1) sb.Append(Math.Abs((int)t.Charge).ToString(CultureInfo.InvariantCulture));
        }
        sb.Append(']');
    }

    /// <summary>Parses a Kekulé SMILES. Stereo marks (@, /, \) are ignored.</summary>
    /// <exception cref="GraphFormatException">Aromatic atoms, several fragments, unknown atom types, wrong bracket H
    /// counts, valence above the maximum, or bad syntax.</exception>
    public static MolGraph Read(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        var g = new MolGraph();
        var bondsPending = new List<(int A, int B, int Order)>();
        var bracketH = new List<(int Atom, int H)>();
        var rings = new Dictionary<int, (int Atom, int Order)>();
        var branch = new Stack<int>();
        int prev = -1, bond = 0, i = 0;
        while (i < smiles.Length)
        {
            var c = smiles[i];
            switch (c)
            {
                case '(':
                    if (prev < 0) throw Error(smiles, i, "branch before any atom");
                    branch.Push(prev); i++; continue;
                case ')':
                    if (branch.Count == 0) throw Error(smiles, i, "unbalanced ')'");
                    prev = branch.Pop(); i++; continue;
                case '-': bond = 1; i++; continue;
                case '=': bond = 2; i++; continue;
                case '#': bond = 3; i++; continue;
                case '/' or '\\': i++; continue;
                case '.': throw Error(smiles, i, "several fragments");
                case ':': throw Error(smiles, i, "aromatic bond");
            }
            if (char.IsDigit(c) || c == '%')
            {
                if (prev < 0) throw Error(smiles, i, "ring closure before any atom");
                int digit;
                if (c == '%')
                {
                    if (i + 2 >= smiles.Length || !char.IsDigit(smiles[i + 1]) || !char.IsDigit(smiles[i + 2])) throw Error(smiles, i, "bad %nn ring closure");
                    digit = (smiles[i + 1] - '0') * 10 + (smiles[i + 2] - '0');
                    i += 3;
                }
                else { digit = c - '0'; i++; }
                if (rings.Remove(digit, out var open))
                {
                    var order = bond != 0 ? bond : open.Order != 0 ? open.Order : 1;
                    if (open.Atom == prev) throw Error(smiles, i - 1, "ring closure to the same atom");
                    bondsPending.Add((open.Atom, prev, order));
                }
                else rings[digit] = (prev, bond);
                bond = 0;
                continue;
            }
            int type, hydrogens = -1;
            if (c == '[')
            {
                var close = smiles.IndexOf(']', i);
                if (close < 0) throw Error(smiles, i, "unclosed '['");
                (type, hydrogens) = ParseBracket(smiles, i + 1, close);
                i = close + 1;
            }
            else
            {
                var two = i + 1 < smiles.Length ? smiles.Substring(i, 2) : "";
                string symbol = two is "Cl" or "Br" ? two : c.ToString();
                if (char.IsLower(c)) throw Error(smiles, i, "aromatic atom (Kekulé SMILES expected)");
                var z = MolForge.Chem.Core.Elements.FromSymbol(symbol) ?? throw Error(smiles, i, $"unknown atom '{symbol}'");
                type = AtomVocabulary.IndexOf(z, 0);
                if (type < 0) throw Error(smiles, i, $"atom type {symbol} not in the generator's vocabulary");
                i += symbol.Length;
            }
            var atom = g.AddAtom(type);
            if (hydrogens >= 0) bracketH.Add((atom, hydrogens));
            if (prev >= 0) bondsPending.Add((prev, atom, bond == 0 ? 1 : bond));
            prev = atom;
            bond = 0;
        }
        if (rings.Count > 0) throw Error(smiles, smiles.Length, "unclosed ring");
        if (branch.Count > 0) throw Error(smiles, smiles.Length, "unclosed branch");
        foreach (var (a, b, o) in bondsPending)
        {
            if (g.HasBond(a, b)) throw Error(smiles, 0, $"duplicate bond {a}-{b}");
            if (g.FreeValence(a) < o || g.FreeValence(b) < o) throw Error(smiles, 0, $"valence exceeded at bond {a}-{b}");
            g.AddBond(a, b, o);
        }
        foreach (var (a, h) in bracketH)
            if (g.HydrogenCount(a) != h) throw Error(smiles, 0, $"atom {a} has {h} H where its valence gives {g.HydrogenCount(a)}");
        return g;
    }

    private static (int Type, int H) ParseBracket(string s, int start, int end)
    {
        var i = start;
        while (i < end && char.IsDigit(s[i])) i++; // isotope ignored
        var symStart = i;
        if (i < end && char.IsUpper(s[i])) { i++; if (i < end && char.IsLower(s[i])) i++; }
        else throw Error(s, i, "bracket atom without an upper-case element (aromatic atoms need Kekulé form)");
        var z = MolForge.Chem.Core.Elements.FromSymbol(s.AsSpan(symStart, i - symStart)) ?? throw Error(s, symStart, "unknown element");
        while (i < end && s[i] == '@') i++;
        var h = 0;
        if (i < end && s[i] == 'H')
        {
            i++; h = 1;
            if (i < end && char.IsDigit(s[i])) { h = s[i] - '0'; i++; }
        }
        var charge = 0;
        if (i < end && (s[i] == '+' || s[i] == '-'))
        {
            var sign = s[i] == '+' ? 1 : -1;
            charge = sign; i++;
            if (i < end && char.IsDigit(s[i])) { charge = sign * (s[i] - '0'); i++; }
            else while (i < end && s[i] == (sign > 0 ? '+' : '-')) { charge += sign; i++; }
        }
        if (i < end && s[i] == ':') { i++; while (i < end && char.IsDigit(s[i])) i++; }
        if (i != end) throw Error(s, i, "unexpected character in bracket atom");
        var type = AtomVocabulary.IndexOf(z, charge);
        if (type < 0) throw Error(s, symStart, $"atom type {MolForge.Chem.Core.Elements.Symbol(z)} charge {charge} not in the generator's vocabulary");
        return (type, h);
    }

    private static GraphFormatException Error(string smiles, int position, string what) =>
        new($"SMILES '{smiles}' at position {position}: {what}");
}
