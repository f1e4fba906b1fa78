using MolForge.Chem.Core;

namespace MolForge.Chem.Smarts;

/// <summary>Recursive-descent reader for Daylight SMARTS (Daylight Theory Manual, ch. 4) with RDKit's extensions
/// (<c>z</c>, <c>Z</c>, ranges <c>{a-b}</c>). Operator precedence, highest first: <c>!</c>, implicit and
/// <c>&amp;</c>, <c>,</c>, <c>;</c>.</summary>
internal sealed class SmartsParser
{
    /// <summary>Longest pattern accepted.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Deepest <c>$()</c> nesting accepted.</summary>
    private const int MaxRecursionDepth = 32;

    private static int _nextRecursiveId;

    private readonly string _s;
    private readonly int _depth;
    private int _pos;
    private readonly List<AtomExpr> _atoms = [];
    private readonly List<QueryBond> _bonds = [];

    private SmartsParser(string s, int depth)
    {
        _s = s;
        _depth = depth;
    }

    public static SmartsQuery Parse(string smarts) => Parse(smarts, 0);

    private static SmartsQuery Parse(string smarts, int depth)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        if (smarts.Length > MaxLength)
            throw new SmartsParseException($"longer than {MaxLength} characters", smarts, MaxLength);
        var p = new SmartsParser(smarts, depth);
        p.ParsePattern();
        return new SmartsQuery(smarts, [.. p._atoms], [.. p._bonds]);
    }

    private SmartsParseException Error(string message, int? at = null) => new(message, _s, at ?? _pos);

    private bool AtEnd => _pos >= _s.Length;
    private char Cur => _s[_pos];

    private void ParsePattern()
    {
        if (_s.Length == 0) throw Error("empty pattern");
        var prev = -1;
        BondExpr? pending = null;
        var pendingPos = 0;
        var branches = new Stack<int>();
        var rings = new Dictionary<int, (int Atom, BondExpr? Expr, int Pos)>();
        while (!AtEnd)
        {
            var c = Cur;
            if (c == '(')
            {
                if (prev < 0) throw Error(_atoms.Count == 0 ? "branch '(' before any atom (component-level grouping is not supported)" : "branch '(' after '.'");
                if (pending is not null) throw Error("bond before '('");
                branches.Push(prev);
                _pos++;
                if (!AtEnd && Cur == ')') throw Error("empty branch '()'");
                continue;
            }
            if (c == ')')
            {
                if (branches.Count == 0) throw Error("unmatched ')'");
                if (pending is not null) throw Error("bond without an atom before ')'", pendingPos);
                prev = branches.Pop();
                _pos++;
                continue;
            }
            if (c == '.')
            {
                if (pending is not null) throw Error("bond before '.'", pendingPos);
                if (prev < 0) throw Error("'.' without an atom before it");
                prev = -1;
                _pos++;
                continue;
            }
            if (IsBondStart(c))
            {
                if (pending is not null) throw Error("two bonds in a row");
                if (prev < 0) throw Error("bond without an atom before it");
                pendingPos = _pos;
                pending = ParseBondExpr();
                continue;
            }
            if (char.IsAsciiDigit(c) || c == '%')
            {
                if (prev < 0) throw Error("ring-closure digit without an atom before it");
                var start = _pos;
                var ring = ParseRingNumber();
                if (rings.Remove(ring, out var open))
                {
                    if (open.Atom == prev) throw Error($"ring bond {ring} closes on its own atom", start);
                    if (BondExists(open.Atom, prev)) throw Error($"ring bond {ring} duplicates a bond", start);
                    _bonds.Add(new QueryBond(open.Atom, prev, open.Expr ?? pending ?? PrimitiveBondExpr.Of(BondPrimitive.SingleOrAromatic)));
                }
                else
                {
                    rings[ring] = (prev, pending, start);
                }
                pending = null;
                continue;
            }
            var atomPos = _pos;
            var atom = ParseAtom();
            var index = _atoms.Count;
            _atoms.Add(atom);
            if (prev >= 0)
                _bonds.Add(new QueryBond(prev, index, pending ?? PrimitiveBondExpr.Of(BondPrimitive.SingleOrAromatic)));
            else if (pending is not null)
                throw Error("bond without an atom before it", pendingPos);
            _ = atomPos;
            pending = null;
            prev = index;
        }
        if (pending is not null) throw Error("pattern ends with a bond", pendingPos);
        if (branches.Count > 0) throw Error("unclosed branch '('");
        if (rings.Count > 0)
        {
            var open = rings.OrderBy(r => r.Value.Pos).First();
            throw Error($"ring bond {open.Key} not closed", open.Value.Pos);
        }
        if (_atoms.Count == 0) throw Error("no atoms");
    }

    private bool BondExists(int a, int b)
    {
        foreach (var bond in _bonds)
            if ((bond.Begin == a && bond.End == b) || (bond.Begin == b && bond.End == a)) return true;
        return false;
    }

    private int ParseRingNumber()
    {
        if (Cur == '%')
        {
            _pos++;
            if (!AtEnd && Cur == '(')
            {
                _pos++;
                var start = _pos;
                while (!AtEnd && char.IsAsciiDigit(Cur)) _pos++;
                if (_pos == start || AtEnd || Cur != ')') throw Error("expected digits and ')' after '%('");
                var v = ParseInt(start, _pos);
                _pos++;
                return v;
            }
            if (_pos + 1 >= _s.Length || !char.IsAsciiDigit(_s[_pos]) || !char.IsAsciiDigit(_s[_pos + 1]))
                throw Error("expected two digits after '%'");
            var n = (_s[_pos] - '0') * 10 + (_s[_pos + 1] - '0');
            _pos += 2;
            return n;
        }
        return _s[_pos++] - '0';
    }

    private int ParseInt(int start, int end)
    {
        if (end - start > 6) throw Error("number too large", start);
        var v = 0;
        for (var i = start; i < end; i++) v = v * 10 + (_s[i] - '0');
        return v;
    }

    private static bool IsBondStart(char c) => c is '-' or '=' or '#' or ':' or '~' or '@' or '!' or '/' or '\\';

    // ---------- bonds ----------

    private BondExpr ParseBondExpr()
    {
        var terms = new List<BondExpr> { ParseBondOr() };
        while (!AtEnd && Cur == ';')
        {
            _pos++;
            terms.Add(ParseBondOr());
        }
        return terms.Count == 1 ? terms[0] : new AndBondExpr([.. terms]);
    }

    private BondExpr ParseBondOr()
    {
        var terms = new List<BondExpr> { ParseBondAnd() };
        while (!AtEnd && Cur == ',')
        {
            _pos++;
            terms.Add(ParseBondAnd());
        }
        return terms.Count == 1 ? terms[0] : new OrBondExpr([.. terms]);
    }

    private BondExpr ParseBondAnd()
    {
        var terms = new List<BondExpr> { ParseBondUnary() };
        while (!AtEnd)
        {
            if (Cur == '&')
            {
                _pos++;
                terms.Add(ParseBondUnary());
            }
            else if (IsBondStart(Cur)) terms.Add(ParseBondUnary());
            else break;
        }
        return terms.Count == 1 ? terms[0] : new AndBondExpr([.. terms]);
    }

    private BondExpr ParseBondUnary()
    {
        if (AtEnd) throw Error("pattern ends inside a bond expression");
        var c = Cur;
        if (c == '!')
        {
            _pos++;
            return new NotBondExpr(ParseBondUnary());
        }
        _pos++;
        return c switch
        {
            '-' or '/' or '\\' => PrimitiveBondExpr.Of(BondPrimitive.Single),
            '=' => PrimitiveBondExpr.Of(BondPrimitive.Double),
            '#' => PrimitiveBondExpr.Of(BondPrimitive.Triple),
            ':' => PrimitiveBondExpr.Of(BondPrimitive.Aromatic),
            '~' => PrimitiveBondExpr.Of(BondPrimitive.Any),
            '@' => PrimitiveBondExpr.Of(BondPrimitive.Ring),
            _ => throw Error($"'{c}' is not a bond primitive", _pos - 1),
        };
    }

    // ---------- atoms ----------

    private AtomExpr ParseAtom()
    {
        var c = Cur;
        if (c == '[')
        {
            var open = _pos;
            _pos++;
            if (AtEnd) throw Error("unclosed '['", open);
            var expr = ParseBracketContents(open);
            if (AtEnd || Cur != ']') throw Error(AtEnd ? "unclosed '['" : $"unexpected '{Cur}' in bracket atom", AtEnd ? open : null);
            _pos++;
            return expr;
        }
        _pos++;
        switch (c)
        {
            case '*': return AnyAtomExpr.Instance;
            case 'a': return new AromaticAtomExpr(true);
            case 'A': return new AromaticAtomExpr(false);
            case 'B':
                if (!AtEnd && Cur == 'r') { _pos++; return new ElementExpr(35, false); }
                return new ElementExpr(5, false);
            case 'C':
                if (!AtEnd && Cur == 'l') { _pos++; return new ElementExpr(17, false); }
                return new ElementExpr(6, false);
            case 'N': return new ElementExpr(7, false);
            case 'O': return new ElementExpr(8, false);
            case 'F': return new ElementExpr(9, false);
            case 'P': return new ElementExpr(15, false);
            case 'S': return new ElementExpr(16, false);
            case 'I': return new ElementExpr(53, false);
            case 'b': return new ElementExpr(5, true);
            case 'c': return new ElementExpr(6, true);
            case 'n': return new ElementExpr(7, true);
            case 'o': return new ElementExpr(8, true);
            case 'p': return new ElementExpr(15, true);
            case 's': return new ElementExpr(16, true);
            case ']': throw Error("unmatched ']'", _pos - 1);
            default:
                throw Error(char.IsLetter(c)
                    ? $"'{c}' is not an atom outside brackets (write it as [{c}...])"
                    : $"unexpected character '{Printable(c)}'", _pos - 1);
        }
    }

    private static string Printable(char c) => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString();

    private AtomExpr ParseBracketContents(int open)
    {
        // A lone hydrogen: [H], [2H], [H+], [H:1] -> atomic number 1 (RDKit), otherwise H is a hydrogen count.
        var hydrogen = TryParseHydrogenAtom();
        if (hydrogen is not null) return hydrogen;
        if (!AtEnd && Cur == ']') throw Error("empty bracket atom '[]'", open);
        return ParseAtomLowAnd();
    }

    private AtomExpr? TryParseHydrogenAtom()
    {
        var p = _pos;
        var isoStart = p;
        while (p < _s.Length && char.IsAsciiDigit(_s[p])) p++;
        var isotope = p > isoStart ? ParseInt(isoStart, p) : 0;
        if (p >= _s.Length || _s[p] != 'H') return null;
        p++;
        var charge = 0;
        if (p < _s.Length && (_s[p] == '+' || _s[p] == '-'))
        {
            var sign = _s[p] == '+' ? 1 : -1;
            p++;
            var ds = p;
            while (p < _s.Length && char.IsAsciiDigit(_s[p])) p++;
            if (p > ds) charge = sign * ParseInt(ds, p);
            else
            {
                charge = sign;
                while (p < _s.Length && _s[p] == (sign > 0 ? '+' : '-')) { charge += sign; p++; }
            }
        }
        if (p < _s.Length && _s[p] == ':')
        {
            p++;
            while (p < _s.Length && char.IsAsciiDigit(_s[p])) p++;
        }
        if (p >= _s.Length || _s[p] != ']') return null;
        _pos = p;
        var terms = new List<AtomExpr> { new PropertyExpr(AtomProperty.AtomicNumber, 1) };
        if (isotope > 0) terms.Add(new PropertyExpr(AtomProperty.Isotope, isotope));
        if (charge != 0 || _s.AsSpan(isoStart, p - isoStart).ContainsAny('+', '-'))
            terms.Add(new PropertyExpr(AtomProperty.Charge, charge));
        return terms.Count == 1 ? terms[0] : new AndAtomExpr([.. terms]);
    }

    private AtomExpr ParseAtomLowAnd()
    {
        var terms = new List<AtomExpr> { ParseAtomOr() };
        while (!AtEnd && Cur == ';')
        {
            _pos++;
            terms.Add(ParseAtomOr());
        }
        return terms.Count == 1 ? terms[0] : new AndAtomExpr([.. terms]);
    }

    private AtomExpr ParseAtomOr()
    {
        var terms = new List<AtomExpr> { ParseAtomAnd() };
        while (!AtEnd && Cur == ',')
        {
            _pos++;
            terms.Add(ParseAtomAnd());
        }
        return terms.Count == 1 ? terms[0] : new OrAtomExpr([.. terms]);
    }

    private AtomExpr ParseAtomAnd()
    {
        var terms = new List<AtomExpr> { ParseAtomUnary() };
        while (!AtEnd)
        {
            var c = Cur;
            if (c == '&')
            {
                _pos++;
                terms.Add(ParseAtomUnary());
            }
            else if (c is ']' or ',' or ';' or ')') break;
            else terms.Add(ParseAtomUnary());
        }
        return terms.Count == 1 ? terms[0] : new AndAtomExpr([.. terms]);
    }

    private AtomExpr ParseAtomUnary()
    {
        if (AtEnd) throw Error("pattern ends inside a bracket atom");
        if (Cur == '!')
        {
            _pos++;
            return new NotAtomExpr(ParseAtomUnary());
        }
        return ParseAtomPrimitive();
    }

    private int? OptionalNumber()
    {
        var start = _pos;
        while (!AtEnd && char.IsAsciiDigit(Cur)) _pos++;
        return _pos > start ? ParseInt(start, _pos) : null;
    }

    private AtomExpr CountPrimitive(AtomProperty property, int defaultValue, bool bareMeansPositive)
    {
        if (!AtEnd && Cur == '{') return ParseRange(property);
        var n = OptionalNumber();
        if (n is null && bareMeansPositive) return new PositivePropertyExpr(property);
        return new PropertyExpr(property, n ?? defaultValue);
    }

    private AtomExpr ParseRange(AtomProperty property)
    {
        var open = _pos;
        _pos++;
        var lo = OptionalNumber();
        if (AtEnd || Cur != '-') throw Error("expected '-' in range", open);
        _pos++;
        var hi = OptionalNumber();
        if (AtEnd || Cur != '}') throw Error("expected '}' to close range", open);
        _pos++;
        return new RangePropertyExpr(property, lo ?? int.MinValue, hi ?? int.MaxValue);
    }

    private AtomExpr ParseAtomPrimitive()
    {
        var start = _pos;
        var c = Cur;
        if (char.IsAsciiDigit(c))
        {
            var iso = OptionalNumber()!.Value;
            return new PropertyExpr(AtomProperty.Isotope, iso);
        }
        if (char.IsAsciiLetterUpper(c) && _pos + 1 < _s.Length && char.IsAsciiLetterLower(_s[_pos + 1])
            && Elements.FromSymbol(_s.AsSpan(_pos, 2)) is { } twoLetter)
        {
            // Longest match first, as RDKit's lexer: [Hg], [Rh], [Xe], [Cl] are elements.
            _pos += 2;
            return new ElementExpr(twoLetter, false);
        }
        switch (c)
        {
            case '*': _pos++; return AnyAtomExpr.Instance;
            case '#':
            {
                _pos++;
                var z = OptionalNumber() ?? throw Error("expected an atomic number after '#'", start);
                if (z > Elements.MaxAtomicNumber) throw Error($"no element has atomic number {z}", start);
                return new PropertyExpr(AtomProperty.AtomicNumber, z);
            }
            case '$':
            {
                _pos++;
                if (AtEnd || Cur != '(') throw Error("expected '(' after '$'", start);
                var depth = 0;
                var innerStart = _pos + 1;
                for (; !AtEnd; _pos++)
                {
                    if (Cur == '(') depth++;
                    else if (Cur == ')' && --depth == 0) break;
                }
                if (AtEnd) throw Error("unclosed '$('", start);
                var inner = _s[innerStart.._pos];
                _pos++;
                if (_depth >= MaxRecursionDepth) throw Error("recursive SMARTS nested too deeply", start);
                SmartsQuery q;
                try
                {
                    q = Parse(inner, _depth + 1);
                }
                catch (SmartsParseException e)
                {
                    throw new SmartsParseException($"in recursive SMARTS: {e.Message}", _s, innerStart + e.Position);
                }
                return new RecursiveExpr(q, Interlocked.Increment(ref _nextRecursiveId));
            }
            case '+':
            case '-':
            {
                var sign = c == '+' ? 1 : -1;
                _pos++;
                var n = OptionalNumber();
                if (n is null)
                {
                    n = 1;
                    while (!AtEnd && Cur == c) { n++; _pos++; }
                }
                return new PropertyExpr(AtomProperty.Charge, sign * n.Value);
            }
            case '@':
            {
                // Chirality: parsed and ignored, as RDKit's matcher does without useChirality.
                _pos++;
                if (!AtEnd && Cur == '@') _pos++;
                if (_pos + 1 < _s.Length && (_s.AsSpan(_pos, 2) is "TH" or "AL" or "SP" or "TB" or "OH"))
                {
                    _pos += 2;
                    OptionalNumber();
                }
                if (!AtEnd && Cur == '?') _pos++;
                return AnyAtomExpr.Instance;
            }
            case ':':
            {
                _pos++;
                if (OptionalNumber() is null) throw Error("expected an atom-map number after ':'", start);
                return AnyAtomExpr.Instance;
            }
            case 'D': _pos++; return CountPrimitive(AtomProperty.Degree, 1, false);
            case 'X': _pos++; return CountPrimitive(AtomProperty.TotalDegree, 1, false);
            case 'v': _pos++; return CountPrimitive(AtomProperty.TotalValence, 1, false);
            case 'H': _pos++; return CountPrimitive(AtomProperty.TotalHydrogens, 1, false);
            case 'h': _pos++; return CountPrimitive(AtomProperty.ImplicitHydrogens, 1, true);
            case 'R': _pos++; return CountPrimitive(AtomProperty.RingCount, 1, true);
            case 'r': _pos++; return CountPrimitive(AtomProperty.SmallestRing, 1, true);
            case 'x': _pos++; return CountPrimitive(AtomProperty.RingBondCount, 1, true);
            case 'z': _pos++; return CountPrimitive(AtomProperty.HeteroNeighbors, 1, true);
            case 'Z': _pos++; return CountPrimitive(AtomProperty.AliphaticHeteroNeighbors, 1, true);
            case 'a': _pos++; return ParseAromaticSymbolOr(true);
            case 'A': _pos++; return ParseAromaticSymbolOr(false);
        }
        if (char.IsAsciiLetterLower(c))
        {
            // Aromatic symbols: two-letter first (se, as, te, si), then one-letter.
            if (_pos + 1 < _s.Length)
            {
                var two = _s.AsSpan(_pos, 2);
                int z2 = two switch { "se" => 34, "as" => 33, "te" => 52, "si" => 14, _ => 0 };
                if (z2 > 0) { _pos += 2; return new ElementExpr(z2, true); }
            }
            int z1 = c switch { 'c' => 6, 'n' => 7, 'o' => 8, 's' => 16, 'p' => 15, 'b' => 5, _ => 0 };
            if (z1 > 0) { _pos++; return new ElementExpr(z1, true); }
            throw Error($"unknown atom primitive '{c}'");
        }
        if (char.IsAsciiLetterUpper(c))
        {
            if (_pos + 1 < _s.Length && char.IsAsciiLetterLower(_s[_pos + 1]))
            {
                var z2 = Elements.FromSymbol(_s.AsSpan(_pos, 2));
                if (z2 is { } zz)
                {
                    _pos += 2;
                    return new ElementExpr(zz, false);
                }
            }
            var z = Elements.FromSymbol(_s.AsSpan(_pos, 1));
            if (z is { } z1u)
            {
                _pos++;
                return new ElementExpr(z1u, false);
            }
            throw Error($"unknown element '{c}'");
        }
        throw Error($"unexpected character '{Printable(c)}' in bracket atom");
    }

    private AtomExpr ParseAromaticSymbolOr(bool aromatic)
    {
        // 'a'/'A' inside brackets can also start a two-letter element (As, Al, Ar, Ag, Au, At, Ac, Am) or
        // an aromatic symbol (as).
        if (!aromatic && !AtEnd && char.IsAsciiLetterLower(Cur))
        {
            var z = Elements.FromSymbol(_s.AsSpan(_pos - 1, 2));
            if (z is { } zz)
            {
                _pos++;
                return new ElementExpr(zz, false);
            }
        }
        if (aromatic && !AtEnd && Cur == 's')
        {
            _pos++;
            return new ElementExpr(33, true);
        }
        return new AromaticAtomExpr(aromatic);
    }
}
