namespace MolForge.Chem.Smarts;

/// <summary>A bond of a <see cref="SmartsQuery"/>.</summary>
/// <param name="Begin">First query atom.</param>
/// <param name="End">Second query atom.</param>
/// <param name="Expr">What the target bond must satisfy.</param>
public readonly record struct QueryBond(int Begin, int End, BondExpr Expr);

/// <summary>A parsed SMARTS pattern (RDKit's query molecule): atom expressions, bonds between them, and the order
/// in which the matcher visits the atoms. Immutable and thread-safe; parse once, match many times.</summary>
public sealed class SmartsQuery
{
    private readonly AtomExpr[] _atoms;
    private readonly QueryBond[] _bonds;

    internal SmartsQuery(string smarts, AtomExpr[] atoms, QueryBond[] bonds)
    {
        Smarts = smarts;
        _atoms = atoms;
        _bonds = bonds;
        Plan = MatchPlan.Build(atoms, bonds, 0);
        FreePlan = MatchPlan.Build(atoms, bonds, MatchPlan.MostSelectiveAtom(atoms));
        var required = new Dictionary<int, int>();
        foreach (var a in atoms)
            if (a.RequiredAtomicNumber > 0) required[a.RequiredAtomicNumber] = required.GetValueOrDefault(a.RequiredAtomicNumber) + 1;
        RequiredElements = [.. required.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>Atom expressions as an array (hot path).</summary>
    internal AtomExpr[] AtomArray => _atoms;

    /// <summary>Plan starting at the most selective atom (for unanchored searches).</summary>
    internal MatchPlan FreePlan { get; }

    /// <summary>(atomic number, count) that any match needs.</summary>
    internal (int Z, int Count)[] RequiredElements { get; }

    /// <summary>The pattern text.</summary>
    public string Smarts { get; }

    /// <summary>Number of query atoms.</summary>
    public int AtomCount => _atoms.Length;

    /// <summary>Query atoms, by index (the order of the pattern text).</summary>
    public IReadOnlyList<AtomExpr> Atoms => _atoms;

    /// <summary>Query bonds (including ring closures).</summary>
    public IReadOnlyList<QueryBond> Bonds => _bonds;

    internal MatchPlan Plan { get; }

    /// <summary>Parses a SMARTS pattern.</summary>
    /// <exception cref="SmartsParseException">The pattern is malformed; the message names the position.</exception>
    public static SmartsQuery Parse(string smarts) => SmartsParser.Parse(smarts);

    /// <summary>Parses a SMARTS pattern, or returns false with a message naming the position of the error.</summary>
    public static bool TryParse(string smarts, out SmartsQuery? query, out string? error)
    {
        try
        {
            query = SmartsParser.Parse(smarts);
            error = null;
            return true;
        }
        catch (SmartsParseException e)
        {
            query = null;
            error = e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Smarts;
}

/// <summary>A malformed SMARTS pattern.</summary>
public sealed class SmartsParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SmartsParseException(string message, string smarts, int position)
        : base($"SMARTS '{Shorten(smarts)}' position {position + 1}: {message}")
    {
        Smarts = smarts;
        Position = position;
    }

    /// <summary>Creates the exception.</summary>
    public SmartsParseException() : base("Malformed SMARTS.") { Smarts = ""; }

    /// <summary>Creates the exception.</summary>
    public SmartsParseException(string message) : base(message) { Smarts = ""; }

    /// <summary>Creates the exception.</summary>
    public SmartsParseException(string message, Exception inner) : base(message, inner) { Smarts = ""; }

    /// <summary>The pattern.</summary>
    public string Smarts { get; }

    /// <summary>0-based character position of the error.</summary>
    public int Position { get; }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
