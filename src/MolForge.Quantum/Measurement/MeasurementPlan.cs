using System.Numerics;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Measurement;

/// <summary>One Pauli term to be measured: the string and its real coefficient.</summary>
public readonly record struct MeasuredTerm(PauliString Pauli, double Coefficient);

/// <summary>
/// A set of qubit-wise commuting Pauli terms measured together: on every qubit all terms act with the same letter
/// (or identity), so one basis change (H for X, S†·H for Y) followed by a Z-basis measurement of all qubits gives
/// every term's ±1 eigenvalue as the parity of the measured bits on its support.
/// </summary>
public sealed class MeasurementGroup
{
    private readonly List<MeasuredTerm> _terms = new();

    internal MeasurementGroup(MeasuredTerm first)
    {
        Basis = first.Pauli;
        _terms.Add(first);
        Weight = Math.Abs(first.Coefficient);
    }

    /// <summary>The union of the terms' letters: the measurement basis on every qubit in the support.</summary>
    public PauliString Basis { get; private set; }

    /// <summary>The terms in this group.</summary>
    public IReadOnlyList<MeasuredTerm> Terms => _terms;

    /// <summary>Σ |c| over the terms: the shot-allocation weight (an upper bound on the group estimator's spread).</summary>
    public double Weight { get; private set; }

    /// <summary>True when <paramref name="p"/> agrees letter by letter with the basis wherever both act.</summary>
    public bool IsCompatible(PauliString p)
    {
        ulong common = Basis.Support & p.Support;
        return ((Basis.X ^ p.X) & common) == 0 && ((Basis.Z ^ p.Z) & common) == 0;
    }

    internal void Add(MeasuredTerm t)
    {
        Basis = new PauliString(Basis.X | t.Pauli.X, Basis.Z | t.Pauli.Z);
        _terms.Add(t);
        Weight += Math.Abs(t.Coefficient);
    }

    /// <summary>
    /// The basis-change circuit: H on X qubits, S† then H on Y qubits (H·S†·Y·S·H = Z), nothing on Z qubits.
    /// </summary>
    public Circuit BasisChange(int qubitCount)
    {
        var c = new Circuit(qubitCount);
        for (int q = 0; q < qubitCount; q++)
        {
            switch (Basis[q])
            {
                case 'X':
                    c.Add(new SingleQubitGate(q, Matrix2.H, "h"));
                    break;
                case 'Y':
                    c.Add(new SingleQubitGate(q, Sdg, "sdg"));
                    c.Add(new SingleQubitGate(q, Matrix2.H, "h"));
                    break;
            }
        }
        return c;
    }

    /// <summary>S† = diag(1, −i).</summary>
    public static Matrix2 Sdg => new(1, 0, 0, -Complex.ImaginaryOne);

    /// <summary>Σ_t c_t (−1)^{|b ∧ supp(t)|}: the group's observable evaluated on one measured bitstring.</summary>
    public double Evaluate(ulong bits)
    {
        double v = 0;
        foreach (var t in _terms)
            v += (BitOperations.PopCount(bits & t.Pauli.Support) & 1) != 0 ? -t.Coefficient : t.Coefficient;
        return v;
    }
}

/// <summary>
/// How to measure a Hermitian qubit operator with shots: the identity coefficient, and the other terms grouped into
/// qubit-wise commuting sets by the greedy largest-coefficient-first heuristic (Verteletskyi, Yen &amp; Izmaylov,
/// J. Chem. Phys. 152, 124114 (2020); Kandala et al., Nature 549, 242 (2017)).
/// </summary>
public sealed class MeasurementPlan
{
    private MeasurementPlan(int qubitCount, double constant, List<MeasurementGroup> groups, int termCount)
    {
        QubitCount = qubitCount;
        Constant = constant;
        Groups = groups;
        TermCount = termCount;
    }

    /// <summary>Register size.</summary>
    public int QubitCount { get; }

    /// <summary>The identity coefficient (needs no measurement).</summary>
    public double Constant { get; }

    /// <summary>The measurement groups (one circuit each).</summary>
    public IReadOnlyList<MeasurementGroup> Groups { get; }

    /// <summary>Number of non-identity terms: the number of circuits without grouping.</summary>
    public int TermCount { get; }

    /// <summary>Σ over groups of their weights.</summary>
    public double TotalWeight => Groups.Sum(g => g.Weight);

    /// <summary>Groups the terms of a Hermitian operator (imaginary parts above 1e-10 are refused).</summary>
    public static MeasurementPlan Build(QubitOperator op, int qubitCount)
    {
        ArgumentNullException.ThrowIfNull(op);
        op.EnsureWithin(qubitCount, "observable");
        double constant = 0;
        var terms = new List<MeasuredTerm>(op.Count);
        foreach (var (p, c) in op.Terms)
        {
            if (Math.Abs(c.Imaginary) > 1e-10)
                throw new ArgumentException($"Term {p} has a complex coefficient {c}; only Hermitian operators can be measured.", nameof(op));
            if (p.IsIdentity) constant += c.Real;
            else if (c.Real != 0) terms.Add(new MeasuredTerm(p, c.Real));
        }
        // largest |c| first; ties broken by the string so the plan is deterministic
        terms.Sort((a, b) =>
        {
            int k = Math.Abs(b.Coefficient).CompareTo(Math.Abs(a.Coefficient));
            return k != 0 ? k : a.Pauli.CompareTo(b.Pauli);
        });
        var groups = new List<MeasurementGroup>();
        foreach (var t in terms)
        {
            MeasurementGroup? home = null;
            foreach (var g in groups)
                if (g.IsCompatible(t.Pauli)) { home = g; break; }
            if (home is null) groups.Add(new MeasurementGroup(t));
            else home.Add(t);
        }
        return new MeasurementPlan(qubitCount, constant, groups, terms.Count);
    }

    /// <summary>
    /// Splits <paramref name="shots"/> over the groups: two each (so every group has a sample variance), the rest in
    /// proportion to the group weights Σ|c| by largest remainders. The result sums to <paramref name="shots"/>.
    /// </summary>
    public int[] AllocateShots(long shots)
    {
        int g = Groups.Count;
        var alloc = new int[g];
        if (g == 0) return alloc;
        if (shots < 2L * g)
            throw new ArgumentOutOfRangeException(nameof(shots), shots, $"At least {2 * g} shots are needed to measure {g} groups (two per group).");
        if (shots > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(shots), shots, "At most 2^31−1 shots per estimate.");
        long rest = shots - 2L * g;
        double w = TotalWeight;
        var frac = new (double Frac, int Index)[g];
        long given = 0;
        for (int i = 0; i < g; i++)
        {
            double share = rest * Groups[i].Weight / w;
            long whole = (long)Math.Floor(share);
            alloc[i] = 2 + (int)whole;
            given += whole;
            frac[i] = (share - whole, i);
        }
        Array.Sort(frac, (a, b) => b.Frac != a.Frac ? b.Frac.CompareTo(a.Frac) : a.Index.CompareTo(b.Index));
        for (long k = 0; k < rest - given; k++) alloc[frac[k % g].Index]++;
        return alloc;
    }
}
