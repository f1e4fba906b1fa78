using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Chemistry;

/// <summary>A molecular Hamiltonian mapped to qubits, with the counts that describe it.</summary>
public sealed record QubitHamiltonian(
    QubitOperator Operator,
    FermionMapping Mapping,
    int AlphaElectrons,
    int BetaElectrons,
    int FermionTermCount)
{
    /// <summary>Qubits of the mapped operator.</summary>
    public int QubitCount => Mapping.QubitCount;

    /// <summary>Pauli strings (including the identity).</summary>
    public int PauliTermCount => Operator.Count;

    /// <summary>The Hartree–Fock determinant as a computational basis state of the mapping.</summary>
    public ulong HartreeFockState => Mapping.MapOccupation(Mapping.HartreeFockOccupation(AlphaElectrons, BetaElectrons));
}

/// <summary>
/// Second-quantised electronic Hamiltonian in a spin-orbital basis (Helgaker, Jørgensen &amp; Olsen, ch. 2):
///   H = E_core + Σ_pq,σ h_pq a†_pσ a_qσ + ½ Σ_pqrs,στ (pq|rs) a†_pσ a†_rτ a_sτ a_qσ,
/// spin orbital pσ = p + σ·n (block ordering).
/// </summary>
public static class MolecularHamiltonian
{
    /// <summary>The fermionic Hamiltonian (terms below 1e−14 skipped).</summary>
    public static FermionOperator Fermionic(ActiveSpaceIntegrals ints)
    {
        ArgumentNullException.ThrowIfNull(ints);
        int n = ints.OrbitalCount;
        var op = new FermionOperator();
        op.Add(ints.CoreEnergy);
        for (int s = 0; s < 2; s++)
            for (int p = 0; p < n; p++)
                for (int q = 0; q < n; q++)
                {
                    double h = ints.H(p, q);
                    if (Math.Abs(h) > 1e-14) op.Add(h, new LadderOp(p + s * n, true), new LadderOp(q + s * n, false));
                }
        for (int s1 = 0; s1 < 2; s1++)
            for (int s2 = 0; s2 < 2; s2++)
                for (int p = 0; p < n; p++)
                    for (int q = 0; q < n; q++)
                        for (int r = 0; r < n; r++)
                        {
                            if (s1 == s2 && p == r) continue; // a†_p a†_p = 0
                            for (int t = 0; t < n; t++)
                            {
                                if (s1 == s2 && q == t) continue;
                                double g = ints.G(p, q, r, t);
                                if (Math.Abs(g) <= 1e-14) continue;
                                op.Add(0.5 * g, new LadderOp(p + s1 * n, true), new LadderOp(r + s2 * n, true),
                                    new LadderOp(t + s2 * n, false), new LadderOp(q + s1 * n, false));
                            }
                        }
        return op;
    }

    /// <summary>The qubit Hamiltonian under a mapping, for the closed-shell electron count of the integrals
    /// (N/2 α and N/2 β).</summary>
    public static QubitHamiltonian Build(ActiveSpaceIntegrals ints, FermionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(ints);
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.ModeCount != 2 * ints.OrbitalCount)
            throw new ArgumentException($"The {mapping.Name} mapping covers {mapping.ModeCount} modes; {ints.OrbitalCount} spatial orbitals need {2 * ints.OrbitalCount}.", nameof(mapping));
        if (ints.ElectronCount % 2 != 0)
            throw new ElectronCountException($"{ints.ElectronCount} active electrons: a closed-shell singlet needs an even count.");
        int na = ints.ElectronCount / 2;
        mapping.ValidateElectrons(na, na);
        var fermionic = Fermionic(ints);
        var q = mapping.Map(fermionic);
        foreach (var (p, c) in q.Terms)
            if (Math.Abs(c.Imaginary) > 1e-9)
                throw new InvalidOperationException($"The mapped Hamiltonian has a complex coefficient on '{p}': the integrals are not real-symmetric.");
        var real = new QubitOperator(q.Count);
        foreach (var (p, c) in q.Terms) real.Add(p, c.Real);
        return new QubitHamiltonian(real.Simplify(), mapping, na, na, fermionic.Terms.Count);
    }

    /// <summary>Convenience: build by mapping name (jordan-wigner, parity, bravyi-kitaev, parity-reduced).</summary>
    public static QubitHamiltonian Build(ActiveSpaceIntegrals ints, string mapping)
    {
        ArgumentNullException.ThrowIfNull(ints);
        int na = ints.ElectronCount / 2;
        return Build(ints, FermionMapping.Create(mapping, 2 * ints.OrbitalCount, na, ints.ElectronCount - na));
    }
}
