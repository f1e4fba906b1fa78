using MolForge.Chem.Substructure;

namespace MolForge.Chem.Smarts;

/// <summary>A node of a SMARTS atom expression (Daylight SMARTS theory manual, section 4.1): a primitive such as
/// <c>#7</c>, <c>H1</c>, <c>R2</c>, or a logical combination. Evaluated against one atom of a
/// <see cref="SubstructureTarget"/> with RDKit's meaning of each primitive.</summary>
public abstract class AtomExpr
{
    /// <summary>True when atom <paramref name="atom"/> of <paramref name="target"/> satisfies the expression.</summary>
    public abstract bool Matches(SubstructureTarget target, int atom);

    /// <summary>Atomic number the expression requires, or -1 when it allows several (used to order and prefilter
    /// candidates).</summary>
    public virtual int RequiredAtomicNumber => -1;
}

/// <summary>Kinds of integer-valued atom primitives.</summary>
public enum AtomProperty : byte
{
    /// <summary><c>#n</c>: atomic number.</summary>
    AtomicNumber,
    /// <summary><c>Dn</c>: explicit connections (graph neighbours, including hydrogen atoms present as nodes).</summary>
    Degree,
    /// <summary><c>Xn</c>: total connections (neighbours plus hydrogens on the atom).</summary>
    TotalDegree,
    /// <summary><c>Hn</c>: total hydrogen count (including hydrogen neighbours).</summary>
    TotalHydrogens,
    /// <summary><c>hn</c>: hydrogens carried by the atom (RDKit: getTotalNumHs(false)).</summary>
    ImplicitHydrogens,
    /// <summary><c>vn</c>: total valence.</summary>
    TotalValence,
    /// <summary><c>Rn</c>: number of SSSR rings containing the atom.</summary>
    RingCount,
    /// <summary><c>rn</c>: size of the smallest SSSR ring containing the atom (0 when none).</summary>
    SmallestRing,
    /// <summary><c>xn</c>: number of ring bonds at the atom.</summary>
    RingBondCount,
    /// <summary><c>+n</c>/<c>-n</c>: formal charge.</summary>
    Charge,
    /// <summary>Leading mass number (isotope), 0 when unspecified.</summary>
    Isotope,
    /// <summary><c>zn</c>: neighbours that are not C or H.</summary>
    HeteroNeighbors,
    /// <summary><c>Zn</c>: aliphatic neighbours that are not C or H.</summary>
    AliphaticHeteroNeighbors,
}

/// <summary><c>*</c> (or an ignored primitive such as chirality or an atom map): always true.</summary>
public sealed class AnyAtomExpr : AtomExpr
{
    /// <summary>The single instance.</summary>
    public static AnyAtomExpr Instance { get; } = new();

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => true;
}

/// <summary><c>a</c> or <c>A</c>: aromatic or aliphatic atom.</summary>
public sealed class AromaticAtomExpr(bool aromatic) : AtomExpr
{
    /// <summary>True for <c>a</c>, false for <c>A</c>.</summary>
    public bool Aromatic { get; } = aromatic;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => target.IsAromatic(atom) == Aromatic;
}

/// <summary>An element symbol: <c>C</c> (aliphatic carbon), <c>c</c> (aromatic carbon), <c>Cl</c>…</summary>
public sealed class ElementExpr(int atomicNumber, bool aromatic) : AtomExpr
{
    /// <summary>Atomic number.</summary>
    public int AtomicNumber { get; } = atomicNumber;

    /// <summary>Aromatic (lower-case) symbol.</summary>
    public bool Aromatic { get; } = aromatic;

    /// <inheritdoc />
    public override int RequiredAtomicNumber => AtomicNumber;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) =>
        target.AtomicNumber(atom) == AtomicNumber && target.IsAromatic(atom) == Aromatic;
}

/// <summary>An integer primitive compared for equality (<c>#7</c>, <c>H2</c>, <c>R0</c>, <c>+1</c>…).</summary>
public sealed class PropertyExpr(AtomProperty property, int value) : AtomExpr
{
    /// <summary>Which property.</summary>
    public AtomProperty Property { get; } = property;

    /// <summary>Required value.</summary>
    public int Value { get; } = value;

    /// <inheritdoc />
    public override int RequiredAtomicNumber => Property == AtomProperty.AtomicNumber ? Value : -1;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => target.Property(Property, atom) == Value;
}

/// <summary>A primitive that tests a property for being positive: <c>R</c> and <c>r</c> (in a ring), <c>x</c>
/// (has a ring bond), <c>h</c> (has implicit hydrogens).</summary>
public sealed class PositivePropertyExpr(AtomProperty property) : AtomExpr
{
    /// <summary>Which property.</summary>
    public AtomProperty Property { get; } = property;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => target.Property(Property, atom) > 0;
}

/// <summary>A primitive with a range, RDKit's extension <c>D{2-3}</c>.</summary>
public sealed class RangePropertyExpr(AtomProperty property, int min, int max) : AtomExpr
{
    /// <summary>Which property.</summary>
    public AtomProperty Property { get; } = property;

    /// <summary>Smallest allowed value.</summary>
    public int Min { get; } = min;

    /// <summary>Largest allowed value.</summary>
    public int Max { get; } = max;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom)
    {
        var v = target.Property(Property, atom);
        return v >= Min && v <= Max;
    }
}

/// <summary><c>$(...)</c>: the atom is the first atom of a match of another SMARTS (cached per target).</summary>
public sealed class RecursiveExpr(SmartsQuery query, int id) : AtomExpr
{
    /// <summary>The inner pattern; its atom 0 is the atom tested.</summary>
    public SmartsQuery Query { get; } = query;

    /// <summary>Process-wide id of this recursive pattern, used as the cache key.</summary>
    internal int Id { get; } = id;

    /// <inheritdoc />
    public override int RequiredAtomicNumber => Query.AtomCount > 0 ? Query.Atoms[0].RequiredAtomicNumber : -1;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => target.RecursiveMatch(this, atom);
}

/// <summary><c>!e</c>.</summary>
public sealed class NotAtomExpr(AtomExpr inner) : AtomExpr
{
    /// <summary>Negated expression.</summary>
    public AtomExpr Inner { get; } = inner;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom) => !Inner.Matches(target, atom);
}

/// <summary><c>e&amp;f</c>, <c>ef</c> or <c>e;f</c> (the precedence only matters while parsing).</summary>
public sealed class AndAtomExpr(AtomExpr[] terms) : AtomExpr
{
    /// <summary>Terms that must all hold.</summary>
    public IReadOnlyList<AtomExpr> Terms => _terms;

    private readonly AtomExpr[] _terms = terms;

    /// <inheritdoc />
    public override int RequiredAtomicNumber
    {
        get
        {
            foreach (var t in _terms)
                if (t.RequiredAtomicNumber >= 0) return t.RequiredAtomicNumber;
            return -1;
        }
    }

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom)
    {
        foreach (var t in _terms)
            if (!t.Matches(target, atom)) return false;
        return true;
    }
}

/// <summary><c>e,f</c>.</summary>
public sealed class OrAtomExpr(AtomExpr[] terms) : AtomExpr
{
    /// <summary>Alternatives.</summary>
    public IReadOnlyList<AtomExpr> Terms => _terms;

    private readonly AtomExpr[] _terms = terms;

    /// <inheritdoc />
    public override int RequiredAtomicNumber
    {
        get
        {
            var z = _terms[0].RequiredAtomicNumber;
            foreach (var t in _terms)
                if (t.RequiredAtomicNumber != z) return -1;
            return z;
        }
    }

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int atom)
    {
        foreach (var t in _terms)
            if (t.Matches(target, atom)) return true;
        return false;
    }
}
