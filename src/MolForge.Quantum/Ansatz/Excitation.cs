using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Ansatz;

/// <summary>
/// A spin-adapted excitation generator G = T − T† (anti-Hermitian) over spatial orbitals, block spin ordering:
/// a single E_ai = Σ_σ a†_aσ a_iσ, or a double T = Σ_στ a†_aσ a†_bτ a_jτ a_iσ (= E_ai E_bj for i,j occupied and a,b
/// virtual), the closed-shell singlet operators of spin-adapted UCCSD (Scuseria &amp; Schaefer 1988).
/// </summary>
public sealed record Excitation(string Label, int I, int A, int J, int B, bool IsDouble)
{
    /// <summary>G = T − T† as a fermion operator.</summary>
    public FermionOperator Generator(int spatialOrbitals)
    {
        int n = spatialOrbitals;
        var t = new FermionOperator();
        if (!IsDouble)
        {
            for (int s = 0; s < 2; s++) t.Add(1, new LadderOp(A + s * n, true), new LadderOp(I + s * n, false));
        }
        else
        {
            for (int s1 = 0; s1 < 2; s1++)
                for (int s2 = 0; s2 < 2; s2++)
                {
                    if (s1 == s2 && (A == B || I == J)) continue;
                    t.Add(1, new LadderOp(A + s1 * n, true), new LadderOp(B + s2 * n, true), new LadderOp(J + s2 * n, false), new LadderOp(I + s1 * n, false));
                }
        }
        var g = new FermionOperator().Add(t, 1).Add(t.Adjoint(), -1);
        return g.NormalOrdered();
    }

    /// <summary>The mapped generator Σ_j i g_j P_j and its Trotter factors exp(θG) ≈ Π_j exp(−i(−g_j θ)P_j) as
    /// (P_j, −g_j), in a deterministic order.</summary>
    public (QubitOperator Qubit, (PauliString Pauli, double Multiplier)[] Factors) Map(FermionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var q = mapping.Map(Generator(mapping.ModeCount / 2)).Simplify(1e-12);
        var factors = new List<(PauliString, double)>();
        foreach (var (p, c) in q.SortedTerms())
        {
            if (Math.Abs(c.Real) > 1e-10)
                throw new InvalidOperationException($"Excitation {Label} mapped to a non-anti-Hermitian term {c} [{p}].");
            factors.Add((p, -c.Imaginary));
        }
        return (q, factors.ToArray());
    }

    /// <summary>All spin-adapted singles and doubles from the closed-shell reference with nocc doubly occupied of
    /// n orbitals: singles (i→a), then doubles over unordered pairs {(i,a), (j,b)}.</summary>
    public static IReadOnlyList<Excitation> SinglesAndDoubles(int spatialOrbitals, int occupied)
    {
        if (occupied < 0 || occupied > spatialOrbitals)
            throw new ArgumentOutOfRangeException(nameof(occupied), occupied, $"{occupied} occupied orbitals do not fit {spatialOrbitals}.");
        var list = new List<Excitation>();
        var pairs = new List<(int I, int A)>();
        for (int i = 0; i < occupied; i++)
            for (int a = occupied; a < spatialOrbitals; a++)
            {
                pairs.Add((i, a));
                list.Add(new Excitation($"s {i}->{a}", i, a, -1, -1, false));
            }
        for (int p = 0; p < pairs.Count; p++)
            for (int q = p; q < pairs.Count; q++)
            {
                var (i, a) = pairs[p];
                var (j, b) = pairs[q];
                list.Add(new Excitation($"d {i},{j}->{a},{b}", i, a, j, b, true));
            }
        return list;
    }
}
