using System.Globalization;
using System.Numerics;
using System.Text;

namespace MolForge.Quantum.Operators;

/// <summary>
/// A linear combination of Pauli strings, Σ c_k P_k, kept as a dictionary keyed by the packed masks so that like
/// terms combine on insertion (OpenFermion's QubitOperator, with bit masks instead of tuples).
/// </summary>
public sealed class QubitOperator
{
    private readonly Dictionary<PauliString, Complex> _terms;

    /// <summary>The zero operator.</summary>
    public QubitOperator() => _terms = new Dictionary<PauliString, Complex>();

    /// <summary>An operator with room for <paramref name="capacity"/> terms.</summary>
    public QubitOperator(int capacity) => _terms = new Dictionary<PauliString, Complex>(capacity);

    /// <summary>A single term c·P.</summary>
    public QubitOperator(PauliString pauli, Complex coefficient) : this() => Add(pauli, coefficient);

    /// <summary>c·I.</summary>
    public static QubitOperator Constant(Complex c) => new(PauliString.Identity, c);

    /// <summary>Number of stored terms.</summary>
    public int Count => _terms.Count;

    /// <summary>The terms (in dictionary order; use <see cref="SortedTerms"/> for a stable order).</summary>
    public IEnumerable<KeyValuePair<PauliString, Complex>> Terms => _terms;

    /// <summary>The terms sorted by support, then masks: a deterministic order.</summary>
    public IReadOnlyList<KeyValuePair<PauliString, Complex>> SortedTerms() =>
        _terms.OrderBy(t => t.Key).ToList();

    /// <summary>Coefficient of a string (zero when absent).</summary>
    public Complex this[PauliString p] => _terms.TryGetValue(p, out var c) ? c : Complex.Zero;

    /// <summary>Highest qubit touched by any term, or −1.</summary>
    public int MaxQubit => _terms.Count == 0 ? -1 : _terms.Keys.Max(p => p.MaxQubit);

    /// <summary>Adds c·P in place (combining with an existing term).</summary>
    public void Add(PauliString pauli, Complex coefficient)
    {
        if (_terms.TryGetValue(pauli, out var c)) _terms[pauli] = c + coefficient;
        else _terms[pauli] = coefficient;
    }

    /// <summary>Adds every term of another operator times a factor, in place.</summary>
    public void Add(QubitOperator other, Complex factor)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (p, c) in other._terms) Add(p, c * factor);
    }

    /// <summary>Removes terms whose coefficient magnitude is at most <paramref name="tolerance"/>; returns this.</summary>
    public QubitOperator Simplify(double tolerance = 1e-12)
    {
        List<PauliString>? drop = null;
        foreach (var (p, c) in _terms)
            if (c.Magnitude <= tolerance) (drop ??= new()).Add(p);
        if (drop != null) foreach (var p in drop) _terms.Remove(p);
        return this;
    }

    /// <summary>A copy.</summary>
    public QubitOperator Clone()
    {
        var r = new QubitOperator(_terms.Count);
        foreach (var (p, c) in _terms) r._terms[p] = c;
        return r;
    }

    /// <summary>The Hermitian adjoint (coefficients conjugated; Pauli strings are Hermitian).</summary>
    public QubitOperator Adjoint()
    {
        var r = new QubitOperator(_terms.Count);
        foreach (var (p, c) in _terms) r._terms[p] = Complex.Conjugate(c);
        return r;
    }

    /// <summary>True when every coefficient is real within the tolerance.</summary>
    public bool IsHermitian(double tolerance = 1e-10) => _terms.Values.All(c => Math.Abs(c.Imaginary) <= tolerance);

    /// <summary>Sum.</summary>
    public static QubitOperator operator +(QubitOperator a, QubitOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = a.Clone();
        r.Add(b, Complex.One);
        return r;
    }

    /// <summary>Difference.</summary>
    public static QubitOperator operator -(QubitOperator a, QubitOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = a.Clone();
        r.Add(b, -Complex.One);
        return r;
    }

    /// <summary>Scalar multiple.</summary>
    public static QubitOperator operator *(Complex s, QubitOperator a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = new QubitOperator(a.Count);
        foreach (var (p, c) in a._terms) r._terms[p] = s * c;
        return r;
    }

    /// <summary>Operator product, with the phases of the Pauli products.</summary>
    public static QubitOperator operator *(QubitOperator a, QubitOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var r = new QubitOperator(a.Count * b.Count);
        foreach (var (pa, ca) in a._terms)
            foreach (var (pb, cb) in b._terms)
            {
                var p = PauliString.Multiply(pa, pb, out int phase);
                r.Add(p, ca * cb * PauliString.IPower(phase));
            }
        return r;
    }

    /// <summary>Commutator [a, b] = ab − ba (only anticommuting pairs contribute, twice).</summary>
    public static QubitOperator Commutator(QubitOperator a, QubitOperator b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var r = new QubitOperator();
        foreach (var (pa, ca) in a._terms)
            foreach (var (pb, cb) in b._terms)
            {
                if (pa.CommutesWith(pb)) continue;
                var p = PauliString.Multiply(pa, pb, out int phase);
                r.Add(p, 2 * ca * cb * PauliString.IPower(phase));
            }
        return r.Simplify();
    }

    /// <summary>True when a − b has no coefficient larger than the tolerance.</summary>
    public static bool AreClose(QubitOperator a, QubitOperator b, double tolerance = 1e-10) =>
        (a - b).Simplify(tolerance).Count == 0;

    /// <summary>Throws when a term touches a qubit at or beyond <paramref name="qubitCount"/>.</summary>
    public void EnsureWithin(int qubitCount, string what = "operator")
    {
        ulong allowed = qubitCount >= 64 ? ulong.MaxValue : (1UL << qubitCount) - 1;
        foreach (var p in _terms.Keys)
            if ((p.Support & ~allowed) != 0)
                throw new ArgumentException(
                    $"The {what} term '{p}' acts on qubit {p.MaxQubit}, outside the {qubitCount}-qubit register (qubits 0..{qubitCount - 1}).");
    }

    /// <summary>"(c) [X0 Z1] + ..." in a deterministic order.</summary>
    public override string ToString()
    {
        if (_terms.Count == 0) return "0";
        var sb = new StringBuilder();
        foreach (var (p, c) in SortedTerms())
        {
            if (sb.Length > 0) sb.Append(" +\n");
            sb.Append('(').Append(c.Real.ToString("R", CultureInfo.InvariantCulture));
            if (c.Imaginary != 0) sb.Append(c.Imaginary < 0 ? "" : "+").Append(c.Imaginary.ToString("R", CultureInfo.InvariantCulture)).Append('i');
            sb.Append(") [").Append(p).Append(']');
        }
        return sb.ToString();
    }
}
