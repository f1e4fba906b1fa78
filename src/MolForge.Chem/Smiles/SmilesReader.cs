using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MolForge.Chem.Core;
using MolForge.Chem.Sanitization;

namespace MolForge.Chem.Smiles;

/// <summary>Reads SMILES (OpenSMILES; Weininger 1988): organic subset, bracket atoms with isotope, chirality, H
/// count, charge and atom map, bonds <c>- = # $ : / \</c>, branches, ring closures (digits and <c>%nn</c>),
/// aromatic atoms and <c>.</c>. The result is sanitised as RDKit's <c>MolFromSmiles</c> does (see
/// <see cref="Sanitizer"/>). Text after the first space or tab is the molecule's name.</summary>
public static class SmilesReader
{
    /// <summary>Parses and sanitises a SMILES string.</summary>
    /// <exception cref="SmilesException">Syntax error (with position) or chemistry error (with atom index).</exception>
    public static Molecule Parse(string smiles, SmilesReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        options ??= SmilesReaderOptions.Default;
        var graph = ParseGraph(smiles, options, out var name);
        if (!options.Sanitize)
        {
            graph.BuildAdjacency();
            return graph.ToMolecule(name, null);
        }
        try
        {
            return Sanitizer.Sanitize(graph, name, options.RemoveHydrogens);
        }
        catch (SanitizationException ex)
        {
            throw new SmilesException(ex.Message, ex);
        }
    }

    /// <summary>Parses a SMILES string; on failure returns false with a one-line reason.</summary>
    public static bool TryParse(string smiles, [NotNullWhen(true)] out Molecule? molecule, [NotNullWhen(false)] out string? error, SmilesReaderOptions? options = null)
    {
        try
        {
            molecule = Parse(smiles, options);
            error = null;
            return true;
        }
        catch (SmilesException ex)
        {
            molecule = null;
            error = ex.Message;
            return false;
        }
    }

    private struct RingOpen
    {
        public int Atom;
        public BondOrder Order;
        public bool OrderGiven;
        public char Direction;
        public int Position;
        public int SlotRecord;
    }

    /// <summary>Parser state for one string.</summary>
    private sealed class State
    {
        public readonly MolGraph Graph = new(32, 32);
        // Per atom: neighbour slots in SMILES order (bond index, -1 = H, <= -2 = pending ring record).
        public List<int>?[] Slots = new List<int>?[32];
        public readonly Dictionary<int, RingOpen> OpenRings = [];
        public readonly List<int> RingBondOfRecord = [];
        public readonly List<(int Bond, int From, char Dir)> Directions = [];
        public int HeavyAtoms;
    }

    internal static MolGraph ParseGraph(string text, SmilesReaderOptions options, out string name)
    {
        var s = text.AsSpan();
        var end = s.IndexOfAny(' ', '\t');
        name = "";
        if (end >= 0)
        {
            name = text[(end + 1)..].Trim();
            s = s[..end];
        }
        s = s.TrimEnd('\r');
        if (s.Length > options.MaxLength)
            throw new SmilesException($"SMILES is {s.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {options.MaxLength.ToString(CultureInfo.InvariantCulture)}");

        var st = new State();
        var g = st.Graph;
        var prev = -1;
        var pendingOrder = BondOrder.Single;
        var pendingGiven = false;
        var pendingDir = '\0';
        var pendingPos = 0;
        Span<int> branchStack = stackalloc int[Math.Min(Math.Max(s.Length, 1), 4096)];
        var branchDepth = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var pos = i + 1;
            switch (c)
            {
                case '(':
                    if (prev < 0) throw Unexpected(c, pos);
                    if (pendingGiven) throw Unexpected(c, pos);
                    if (branchDepth == branchStack.Length) throw new SmilesException("branches nested too deeply", pos);
                    branchStack[branchDepth++] = prev;
                    i++;
                    continue;
                case ')':
                    if (branchDepth == 0 || pendingGiven) throw Unexpected(c, pos);
                    if (i > 0 && s[i - 1] == '(') throw new SmilesException($"empty branch '()' at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
                    prev = branchStack[--branchDepth];
                    i++;
                    continue;
                case '.':
                    if (pendingGiven || prev < 0) throw Unexpected(c, pos);
                    prev = -1;
                    i++;
                    continue;
                case '-': case '=': case '#': case '$': case ':': case '/': case '\\':
                    if (pendingGiven || prev < 0) throw Unexpected(c, pos);
                    pendingGiven = true;
                    pendingPos = pos;
                    pendingOrder = c switch
                    {
                        '=' => BondOrder.Double,
                        '#' => BondOrder.Triple,
                        '$' => BondOrder.Quadruple,
                        ':' => BondOrder.Aromatic,
                        _ => BondOrder.Single,
                    };
                    pendingDir = c is '/' or '\\' ? c : '\0';
                    i++;
                    continue;
                case '%':
                case >= '0' and <= '9':
                {
                    if (prev < 0) throw Unexpected(c, pos);
                    int number;
                    if (c == '%')
                    {
                        if (i + 1 < s.Length && s[i + 1] == '(')
                        {
                            var close = s[(i + 2)..].IndexOf(')');
                            if (close < 0 || !int.TryParse(s.Slice(i + 2, close), NumberStyles.None, CultureInfo.InvariantCulture, out number))
                                throw new SmilesException($"bad ring-closure number after '%' at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
                            i += close + 3;
                        }
                        else
                        {
                            if (i + 2 >= s.Length || !char.IsAsciiDigit(s[i + 1]) || !char.IsAsciiDigit(s[i + 2]))
                                throw new SmilesException($"'%' must be followed by two digits at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
                            number = ((s[i + 1] - '0') * 10) + (s[i + 2] - '0');
                            i += 3;
                        }
                    }
                    else
                    {
                        number = c - '0';
                        i++;
                    }
                    RingClosure(st, prev, number, pendingGiven, pendingOrder, pendingDir, pos);
                    pendingGiven = false;
                    pendingDir = '\0';
                    continue;
                }
                default:
                {
                    var atomStart = i;
                    var atom = ParseAtom(s, ref i, out var hasHSlot, out var hcount);
                    var index = g.AddAtom(atom);
                    if (atom.AtomicNumber != 1 && ++st.HeavyAtoms > options.MaxHeavyAtoms)
                        throw new SmilesException($"more than {options.MaxHeavyAtoms.ToString(CultureInfo.InvariantCulture)} heavy atoms; the limit is {options.MaxHeavyAtoms.ToString(CultureInfo.InvariantCulture)}");
                    if (index >= st.Slots.Length) Array.Resize(ref st.Slots, st.Slots.Length * 2);
                    if (atom.Chirality != ChiralTag.None) st.Slots[index] = new List<int>(4);
                    if (prev >= 0)
                    {
                        var order = pendingGiven ? pendingOrder : DefaultOrder(g, prev, index);
                        if (pendingDir != '\0') order = DefaultOrder(g, prev, index); // '/' '\' between aromatic atoms stay aromatic
                        var bond = g.AddBond(new Bond(prev, index, order, order == BondOrder.Aromatic));
                        st.Slots[prev]?.Add(bond);
                        st.Slots[index]?.Add(bond);
                        if (pendingDir != '\0') st.Directions.Add((bond, prev, pendingDir));
                    }
                    else if (pendingGiven)
                    {
                        throw new SmilesException($"bond with no atom before it at position {pendingPos.ToString(CultureInfo.InvariantCulture)}", pendingPos);
                    }
                    if (hasHSlot && hcount > 0) st.Slots[index]?.Add(-1);
                    _ = atomStart;
                    pendingGiven = false;
                    pendingDir = '\0';
                    prev = index;
                    continue;
                }
            }
        }
        if (s.Length > 0 && s[^1] == '.') throw Unexpected('.', s.Length);
        if (pendingGiven) throw new SmilesException($"SMILES ends with a bond at position {pendingPos.ToString(CultureInfo.InvariantCulture)}", pendingPos);
        if (branchDepth > 0) throw new SmilesException("branch '(' not closed", s.Length);
        if (st.OpenRings.Count > 0)
        {
            var first = int.MaxValue;
            foreach (var k in st.OpenRings.Keys) first = Math.Min(first, k);
            throw new SmilesException($"ring bond {first.ToString(CultureInfo.InvariantCulture)} not closed", st.OpenRings[first].Position);
        }
        g.BuildAdjacency();
        FixChirality(st);
        AssignDoubleBondStereo(st);
        return g;
    }

    private static SmilesException Unexpected(char c, int pos) =>
        new($"unexpected character '{c}' at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);

    private static BondOrder DefaultOrder(MolGraph g, int a, int b) =>
        g.Atoms[a].IsAromatic && g.Atoms[b].IsAromatic ? BondOrder.Aromatic : BondOrder.Single;

    private static void RingClosure(State st, int atom, int number, bool given, BondOrder order, char dir, int pos)
    {
        var g = st.Graph;
        if (st.OpenRings.Remove(number, out var open))
        {
            if (open.Atom == atom) throw new SmilesException($"ring bond {number.ToString(CultureInfo.InvariantCulture)} closes on its own atom at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
            if (g.FindBond(open.Atom, atom) >= 0) throw new SmilesException($"ring bond {number.ToString(CultureInfo.InvariantCulture)} duplicates an existing bond at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
            BondOrder final;
            var openExplicit = open.OrderGiven && open.Direction == '\0';
            var closeExplicit = given && dir == '\0';
            if (openExplicit && (!closeExplicit || order == BondOrder.Single)) final = open.Order; // RDKit keeps the opening order
            else if (closeExplicit) final = order;
            else final = DefaultOrder(g, open.Atom, atom);
            var bond = g.AddBond(new Bond(open.Atom, atom, final, final == BondOrder.Aromatic));
            st.RingBondOfRecord[open.SlotRecord] = bond;
            st.Slots[atom]?.Add(bond);
            if (open.Direction != '\0') st.Directions.Add((bond, open.Atom, open.Direction));
            else if (dir != '\0') st.Directions.Add((bond, atom, dir));
        }
        else
        {
            var record = st.RingBondOfRecord.Count;
            st.RingBondOfRecord.Add(-1);
            st.OpenRings[number] = new RingOpen { Atom = atom, Order = order, OrderGiven = given, Direction = dir, Position = pos, SlotRecord = record };
            st.Slots[atom]?.Add(-2 - record);
        }
    }

    private static Atom ParseAtom(ReadOnlySpan<char> s, ref int i, out bool hasHSlot, out int hcount)
    {
        hasHSlot = false;
        hcount = 0;
        var c = s[i];
        var pos = i + 1;
        if (c == '[') return ParseBracket(s, ref i, out hasHSlot, out hcount);
        if (c == '*') { i++; return new Atom(0); }
        byte z;
        var aromatic = false;
        switch (c)
        {
            case 'B':
                if (i + 1 < s.Length && s[i + 1] == 'r') { z = 35; i += 2; } else { z = 5; i++; }
                break;
            case 'C':
                if (i + 1 < s.Length && s[i + 1] == 'l') { z = 17; i += 2; } else { z = 6; i++; }
                break;
            case 'N': z = 7; i++; break;
            case 'O': z = 8; i++; break;
            case 'P': z = 15; i++; break;
            case 'S': z = 16; i++; break;
            case 'F': z = 9; i++; break;
            case 'I': z = 53; i++; break;
            case 'b': z = 5; aromatic = true; i++; break;
            case 'c': z = 6; aromatic = true; i++; break;
            case 'n': z = 7; aromatic = true; i++; break;
            case 'o': z = 8; aromatic = true; i++; break;
            case 'p': z = 15; aromatic = true; i++; break;
            case 's': z = 16; aromatic = true; i++; break;
            default:
                if (char.IsAsciiLetter(c))
                    throw new SmilesException($"element '{c}' must be written in brackets or is unknown at position {pos.ToString(CultureInfo.InvariantCulture)}", pos);
                throw Unexpected(c, pos);
        }
        return new Atom(z, IsAromatic: aromatic);
    }

    private static Atom ParseBracket(ReadOnlySpan<char> s, ref int i, out bool hasHSlot, out int hcount)
    {
        hcount = 0;
        var open = i + 1;
        var close = s[i..].IndexOf(']');
        if (close < 0) throw new SmilesException($"bracket atom '[' at position {open.ToString(CultureInfo.InvariantCulture)} not closed", open);
        var body = s.Slice(i + 1, close - 1);
        var baseIndex = i + 1; // index of body[0] in s
        i += close + 1;
        var k = 0;
        int P() => baseIndex + k + 1;
        // Isotope.
        var isotope = 0;
        while (k < body.Length && char.IsAsciiDigit(body[k]))
        {
            isotope = (isotope * 10) + (body[k] - '0');
            if (isotope > 999) throw new SmilesException($"isotope too large at position {P().ToString(CultureInfo.InvariantCulture)}", P());
            k++;
        }
        // Element.
        if (k >= body.Length) throw new SmilesException($"bracket atom without element at position {open.ToString(CultureInfo.InvariantCulture)}", open);
        byte z;
        var aromatic = false;
        var c = body[k];
        if (c == '*') { z = 0; k++; }
        else if (char.IsAsciiLetterLower(c))
        {
            aromatic = true;
            if (k + 1 < body.Length && char.IsAsciiLetterLower(body[k + 1]) && body.Slice(k, 2) is "se" or "as" or "te" or "si")
            {
                z = body.Slice(k, 2) switch { "se" => 34, "as" => 33, "te" => 52, _ => 14 };
                k += 2;
            }
            else
            {
                z = c switch { 'b' => 5, 'c' => 6, 'n' => 7, 'o' => 8, 'p' => 15, 's' => 16, _ => 255 };
                if (z == 255) throw new SmilesException($"unknown aromatic element '{c}' at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                k++;
            }
        }
        else if (char.IsAsciiLetterUpper(c))
        {
            byte? found = null;
            if (k + 1 < body.Length && char.IsAsciiLetterLower(body[k + 1]))
            {
                found = Elements.FromSymbol(body.Slice(k, 2));
                if (found is not null) k += 2;
            }
            if (found is null)
            {
                found = Elements.FromSymbol(body.Slice(k, 1));
                if (found is null || (k + 1 < body.Length && char.IsAsciiLetterLower(body[k + 1])))
                {
                    var len = k + 1 < body.Length && char.IsAsciiLetterLower(body[k + 1]) ? 2 : 1;
                    throw new SmilesException($"unknown element '{body.Slice(k, len).ToString()}' at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                }
                k++;
            }
            z = found.Value;
        }
        else throw new SmilesException($"unexpected character '{c}' in bracket atom at position {P().ToString(CultureInfo.InvariantCulture)}", P());
        // Chirality.
        var chiral = ChiralTag.None;
        if (k < body.Length && body[k] == '@')
        {
            k++;
            if (k < body.Length && body[k] == '@') { chiral = ChiralTag.Clockwise; k++; }
            else if (k + 2 < body.Length + 0 && body.Slice(k).StartsWith("TH"))
            {
                k += 2;
                if (k < body.Length && body[k] == '1') { chiral = ChiralTag.CounterClockwise; k++; }
                else if (k < body.Length && body[k] == '2') { chiral = ChiralTag.Clockwise; k++; }
                else throw new SmilesException($"bad @TH chirality at position {P().ToString(CultureInfo.InvariantCulture)}", P());
            }
            else if (k + 1 < body.Length && char.IsAsciiLetterUpper(body[k]) && char.IsAsciiLetterUpper(body[k + 1]))
            {
                // @SP, @TB, @OH classes: read and ignore (no tetrahedral meaning).
                k += 2;
                while (k < body.Length && char.IsAsciiDigit(body[k])) k++;
            }
            else chiral = ChiralTag.CounterClockwise;
        }
        // Hydrogens.
        if (k < body.Length && body[k] == 'H')
        {
            k++;
            hcount = 1;
            if (k < body.Length && char.IsAsciiDigit(body[k]))
            {
                hcount = 0;
                while (k < body.Length && char.IsAsciiDigit(body[k]))
                {
                    hcount = (hcount * 10) + (body[k] - '0');
                    if (hcount > 99) throw new SmilesException($"hydrogen count too large at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                    k++;
                }
            }
        }
        hasHSlot = hcount > 0;
        // Charge.
        var charge = 0;
        if (k < body.Length && body[k] is '+' or '-')
        {
            var sign = body[k] == '+' ? 1 : -1;
            var symbol = body[k];
            k++;
            if (k < body.Length && char.IsAsciiDigit(body[k]))
            {
                var mag = 0;
                while (k < body.Length && char.IsAsciiDigit(body[k]))
                {
                    mag = (mag * 10) + (body[k] - '0');
                    if (mag > 99) throw new SmilesException($"charge too large at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                    k++;
                }
                charge = sign * mag;
            }
            else
            {
                charge = sign;
                while (k < body.Length && body[k] == symbol)
                {
                    charge += sign;
                    k++;
                    if (Math.Abs(charge) > 99) throw new SmilesException($"charge too large at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                }
            }
        }
        // Atom class.
        var map = 0;
        if (k < body.Length && body[k] == ':')
        {
            k++;
            if (k >= body.Length || !char.IsAsciiDigit(body[k])) throw new SmilesException($"atom map number expected at position {P().ToString(CultureInfo.InvariantCulture)}", P());
            while (k < body.Length && char.IsAsciiDigit(body[k]))
            {
                map = (map * 10) + (body[k] - '0');
                if (map > 65535) throw new SmilesException($"atom map number too large at position {P().ToString(CultureInfo.InvariantCulture)}", P());
                k++;
            }
        }
        if (k < body.Length) throw new SmilesException($"unexpected character '{body[k]}' in bracket atom at position {P().ToString(CultureInfo.InvariantCulture)}", P());
        return new Atom(z, (sbyte)charge, (ushort)isotope, (byte)hcount, 0, 0, aromatic, chiral, NoImplicit: true, MapNumber: (ushort)map);
    }

    /// <summary>Turns SMILES-order chirality into the model's convention (bond-index order, H last) by permutation parity.</summary>
    private static void FixChirality(State st)
    {
        var g = st.Graph;
        Span<int> target = stackalloc int[8];
        Span<int> permBuf = stackalloc int[8];
        for (var a = 0; a < g.AtomCount; a++)
        {
            var slots = st.Slots[a];
            if (slots is null) continue;
            for (var j = 0; j < slots.Count; j++)
                if (slots[j] <= -2) slots[j] = st.RingBondOfRecord[-2 - slots[j]];
            if (slots.Count > 8) continue;
            var n = 0;
            for (var p = g.AdjStart[a]; p < g.AdjStart[a + 1] && n < 8; p++) target[n++] = g.AdjBond[p];
            if (slots.Contains(-1) && n < 8) target[n++] = -1;
            if (n != slots.Count) continue;
            // Parity of the permutation taking slots to target.
            var perm = permBuf[..n];
            for (var j = 0; j < n; j++) perm[j] = target[..n].IndexOf(slots[j]);
            var swaps = 0;
            for (var x = 0; x < n; x++)
            {
                while (perm[x] != x && perm[x] >= 0)
                {
                    var y = perm[x];
                    (perm[x], perm[y]) = (perm[y], perm[x]);
                    swaps++;
                }
            }
            if ((swaps & 1) == 1)
            {
                ref var at = ref g.Atoms[a];
                at = at with { Chirality = at.Chirality == ChiralTag.Clockwise ? ChiralTag.CounterClockwise : ChiralTag.Clockwise };
            }
        }
    }

    /// <summary>Converts '/' '\' marks into Cis/Trans on double bonds (reference atoms: the first marked neighbour on each side).</summary>
    private static void AssignDoubleBondStereo(State st)
    {
        if (st.Directions.Count == 0) return;
        var g = st.Graph;
        // Direction sign of neighbour N relative to double-bond atom D: +1 above, -1 below.
        var dirOfBond = new Dictionary<int, (int From, char Dir)>();
        foreach (var (bond, from, dir) in st.Directions) dirOfBond.TryAdd(bond, (from, dir));
        for (var bi = 0; bi < g.BondCount; bi++)
        {
            ref readonly var db = ref g.Bonds[bi];
            if (db.Order != BondOrder.Double) continue;
            if (!Side(g, dirOfBond, db.Begin, bi, out var nb, out var sb)) continue;
            if (!Side(g, dirOfBond, db.End, bi, out var ne, out var se)) continue;
            g.Bonds[bi] = db with { Stereo = sb == se ? BondStereo.Cis : BondStereo.Trans, StereoAtomBegin = nb, StereoAtomEnd = ne };
        }
    }

    private static bool Side(MolGraph g, Dictionary<int, (int From, char Dir)> dirs, int d, int doubleBond, out int neighbour, out int sign)
    {
        for (var p = g.AdjStart[d]; p < g.AdjStart[d + 1]; p++)
        {
            var b = g.AdjBond[p];
            if (b == doubleBond || !dirs.TryGetValue(b, out var info)) continue;
            neighbour = g.AdjAtom[p];
            // '/' from X to Y: Y is above X.
            var up = info.Dir == '/';
            var neighbourIsTo = info.From == d;
            sign = neighbourIsTo == up ? 1 : -1;
            return true;
        }
        neighbour = -1;
        sign = 0;
        return false;
    }
}
