using System.Globalization;
using System.Numerics;
using System.Text;

namespace MolForge.Quantum.Operators;

/// <summary>One fermionic ladder operator: a†_mode when <see cref="Creation"/>, else a_mode.</summary>
public readonly record struct LadderOp(int Mode, bool Creation)
{
    /// <summary>"3^" for a†_3, "3" for a_3 (OpenFermion's notation).</summary>
    public override string ToString() => Mode.ToString(CultureInfo.InvariantCulture) + (Creation ? "^" : "");
}

/// <summary>A coefficient times a product of ladder operators (left to right as written).</summary>
public sealed record FermionTerm(Complex Coefficient, LadderOp[] Ops)
{
    /// <summary>"(c) 3^ 1 0^".</summary>
    public override string ToString() =>
        "(" + Coefficient.Real.ToString("R", CultureInfo.InvariantCulture) +
        (Coefficient.Imaginary != 0 ? "+" + Coefficient.Imaginary.ToString("R", CultureInfo.InvariantCulture) + "i" : "") + ") " +
        string.Join(' ', Ops.Select(o => o.ToString()));

    internal string Key => string.Join(' ', Ops.Select(o => o.ToString()));
}

/// <summary>
/// A sum of products of fermionic ladder operators, Σ c_k Π a^(†). Terms are kept as written; <see cref="NormalOrdered"/>
/// brings them to the canonical form (creation operators left of annihilation operators, each group in descending
/// mode order, using {a_p, a†_q} = δ_pq and a_p a_p = 0) and combines like terms, as OpenFermion's normal_ordered.
/// </summary>
public sealed class FermionOperator
{
    private readonly List<FermionTerm> _terms = new();

    /// <summary>The zero operator.</summary>
    public FermionOperator() { }

    /// <summary>The terms as added.</summary>
    public IReadOnlyList<FermionTerm> Terms => _terms;

    /// <summary>Highest mode index used, or −1.</summary>
    public int MaxMode => _terms.Count == 0 ? -1 : _terms.Max(t => t.Ops.Length == 0 ? -1 : t.Ops.Max(o => o.Mode));

    /// <summary>Adds c · ops (ops left to right).</summary>
    public FermionOperator Add(Complex coefficient, params LadderOp[] ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        foreach (var o in ops)
            if (o.Mode < 0) throw new ArgumentOutOfRangeException(nameof(ops), o.Mode, "Fermion modes are numbered from 0.");
        _terms.Add(new FermionTerm(coefficient, (LadderOp[])ops.Clone()));
        return this;
    }

    /// <summary>Adds every term of another operator times a factor.</summary>
    public FermionOperator Add(FermionOperator other, Complex factor)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var t in other._terms) _terms.Add(t with { Coefficient = t.Coefficient * factor });
        return this;
    }

    /// <summary>Parses OpenFermion-style text "1.5 [2^ 0] + -0.5 [0^ 2]"; a bare number is a constant.</summary>
    public static FermionOperator Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var op = new FermionOperator();
        foreach (var part in text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int open = part.IndexOf('[', StringComparison.Ordinal);
            string coefText = open < 0 ? part : part[..open].Trim();
            double coef = coefText.Length == 0 ? 1.0 : double.Parse(coefText, NumberStyles.Float, CultureInfo.InvariantCulture);
            var ops = new List<LadderOp>();
            if (open >= 0)
            {
                int close = part.IndexOf(']', open);
                if (close < 0) throw new FormatException($"missing ']' in \"{part}\".");
                foreach (var tok in part[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    bool dag = tok.EndsWith('^');
                    if (!int.TryParse(dag ? tok[..^1] : tok, NumberStyles.None, CultureInfo.InvariantCulture, out int m))
                        throw new FormatException($"'{tok}' in \"{part}\" is not a mode index with optional '^'.");
                    ops.Add(new LadderOp(m, dag));
                }
            }
            op.Add(coef, ops.ToArray());
        }
        return op;
    }

    /// <summary>Sum.</summary>
    public static FermionOperator operator +(FermionOperator a, FermionOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = new FermionOperator().Add(a, 1);
        return r.Add(b, 1);
    }

    /// <summary>Product (concatenation of every pair of terms).</summary>
    public static FermionOperator operator *(FermionOperator a, FermionOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var r = new FermionOperator();
        foreach (var ta in a._terms)
            foreach (var tb in b._terms)
                r._terms.Add(new FermionTerm(ta.Coefficient * tb.Coefficient, ta.Ops.Concat(tb.Ops).ToArray()));
        return r;
    }

    /// <summary>Hermitian adjoint: reversed products, daggers swapped, coefficients conjugated.</summary>
    public FermionOperator Adjoint()
    {
        var r = new FermionOperator();
        foreach (var t in _terms)
            r._terms.Add(new FermionTerm(Complex.Conjugate(t.Coefficient),
                t.Ops.Reverse().Select(o => o with { Creation = !o.Creation }).ToArray()));
        return r;
    }

    /// <summary>
    /// The normal-ordered form with like terms combined and terms below the tolerance dropped (see class remarks).
    /// </summary>
    public FermionOperator NormalOrdered(double tolerance = 1e-12)
    {
        var acc = new Dictionary<string, FermionTerm>(StringComparer.Ordinal);
        var work = new Stack<FermionTerm>(_terms);
        while (work.Count > 0)
        {
            var t = work.Pop();
            var ops = (LadderOp[])t.Ops.Clone();
            var coef = t.Coefficient;
            bool zero = false;
            // Insertion sort into (creation desc, annihilation desc); every swap of neighbours anticommutes, and
            // swapping a_p a†_p adds the contracted term δ_pq (pushed back for ordering).
            for (int i = 1; i < ops.Length && !zero; i++)
            {
                for (int j = i; j > 0; j--)
                {
                    var left = ops[j - 1];
                    var right = ops[j];
                    bool swap = (!left.Creation && right.Creation) ||
                                (left.Creation == right.Creation && right.Mode > left.Mode);
                    if (left.Creation == right.Creation && left.Mode == right.Mode) { zero = true; break; }
                    if (!swap) break;
                    if (!left.Creation && right.Creation && left.Mode == right.Mode)
                    {
                        var contracted = ops.Take(j - 1).Concat(ops.Skip(j + 1)).ToArray();
                        work.Push(new FermionTerm(coef, contracted));
                    }
                    ops[j - 1] = right;
                    ops[j] = left;
                    coef = -coef;
                }
            }
            if (zero) continue;
            var nt = new FermionTerm(coef, ops);
            string key = nt.Key;
            acc[key] = acc.TryGetValue(key, out var prev) ? prev with { Coefficient = prev.Coefficient + coef } : nt;
        }
        var r = new FermionOperator();
        foreach (var t in acc.Values.OrderBy(t => t.Ops.Length).ThenBy(t => t.Key, StringComparer.Ordinal))
            if (t.Coefficient.Magnitude > tolerance) r._terms.Add(t);
        return r;
    }

    /// <summary>True when a − b normal-orders to zero.</summary>
    public static bool AreEquivalent(FermionOperator a, FermionOperator b, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new FermionOperator().Add(a, 1).Add(b, -1).NormalOrdered(tolerance).Terms.Count == 0;
    }

    /// <summary>One term per line.</summary>
    public override string ToString() => _terms.Count == 0 ? "0" : string.Join(" +\n", _terms.Select(t => t.ToString()));
}
