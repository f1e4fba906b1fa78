using MolForge.Chem.Substructure;

namespace MolForge.Chem.Smarts;

/// <summary>A SMARTS bond expression (Daylight SMARTS, section 4.2) with RDKit's meaning: <c>-</c> single
/// (not aromatic), <c>=</c> double, <c>#</c> triple, <c>:</c> aromatic, <c>~</c> any, <c>@</c> ring bond; an
/// unspecified bond is single or aromatic; <c>/</c> and <c>\</c> match as single bonds.</summary>
public abstract class BondExpr
{
    /// <summary>True when bond <paramref name="bond"/> of <paramref name="target"/> satisfies the expression.</summary>
    public abstract bool Matches(SubstructureTarget target, int bond);
}

/// <summary>Bond primitives.</summary>
public enum BondPrimitive : byte
{
    /// <summary><c>-</c> (also <c>/</c>, <c>\</c>).</summary>
    Single,
    /// <summary><c>=</c>.</summary>
    Double,
    /// <summary><c>#</c>.</summary>
    Triple,
    /// <summary><c>:</c>.</summary>
    Aromatic,
    /// <summary><c>~</c>.</summary>
    Any,
    /// <summary><c>@</c>.</summary>
    Ring,
    /// <summary>No bond symbol: single or aromatic.</summary>
    SingleOrAromatic,
}

/// <summary>One bond primitive.</summary>
public sealed class PrimitiveBondExpr(BondPrimitive primitive) : BondExpr
{
    private static readonly PrimitiveBondExpr[] Cache =
        [.. Enum.GetValues<BondPrimitive>().Select(p => new PrimitiveBondExpr(p))];

    /// <summary>The shared instance for a primitive.</summary>
    public static PrimitiveBondExpr Of(BondPrimitive primitive) => Cache[(int)primitive];

    /// <summary>The primitive.</summary>
    public BondPrimitive Primitive { get; } = primitive;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int bond) => Primitive switch
    {
        BondPrimitive.Any => true,
        BondPrimitive.Ring => target.IsRingBond(bond),
        BondPrimitive.SingleOrAromatic => target.BondKind(bond) is SubstructureTarget.KindSingle or SubstructureTarget.KindAromatic,
        BondPrimitive.Single => target.BondKind(bond) == SubstructureTarget.KindSingle,
        BondPrimitive.Double => target.BondKind(bond) == SubstructureTarget.KindDouble,
        BondPrimitive.Triple => target.BondKind(bond) == SubstructureTarget.KindTriple,
        BondPrimitive.Aromatic => target.BondKind(bond) == SubstructureTarget.KindAromatic,
        _ => false,
    };
}

/// <summary><c>!e</c>.</summary>
public sealed class NotBondExpr(BondExpr inner) : BondExpr
{
    /// <summary>Negated expression.</summary>
    public BondExpr Inner { get; } = inner;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int bond) => !Inner.Matches(target, bond);
}

/// <summary>Conjunction (<c>&amp;</c>, adjacency, <c>;</c>).</summary>
public sealed class AndBondExpr(BondExpr[] terms) : BondExpr
{
    private readonly BondExpr[] _terms = terms;

    /// <summary>Terms.</summary>
    public IReadOnlyList<BondExpr> Terms => _terms;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int bond)
    {
        foreach (var t in _terms)
            if (!t.Matches(target, bond)) return false;
        return true;
    }
}

/// <summary>Disjunction (<c>,</c>).</summary>
public sealed class OrBondExpr(BondExpr[] terms) : BondExpr
{
    private readonly BondExpr[] _terms = terms;

    /// <summary>Alternatives.</summary>
    public IReadOnlyList<BondExpr> Terms => _terms;

    /// <inheritdoc />
    public override bool Matches(SubstructureTarget target, int bond)
    {
        foreach (var t in _terms)
            if (t.Matches(target, bond)) return true;
        return false;
    }
}
