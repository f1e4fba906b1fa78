using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Mappings;

namespace MolForge.Quantum.Ansatz;

/// <summary>An ansatz circuit with the excitations its parameters belong to.</summary>
public sealed record AnsatzCircuit(Circuit Circuit, IReadOnlyList<Excitation> Excitations);

/// <summary>
/// Reference states and ansätze: the Hartree–Fock determinant (X gates), spin-adapted UCCSD Trotterised as Pauli
/// exponentials (Romero et al. 2018; one parameter per spin-adapted excitation, first-order Trotter product over
/// excitations and over the Pauli strings of each), and MP2 starting amplitudes.
/// </summary>
public static class UccsdAnsatz
{
    /// <summary>X gates preparing the mapped Hartree–Fock determinant.</summary>
    public static Circuit HartreeFock(FermionMapping mapping, int nAlpha, int nBeta)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var c = new Circuit(mapping.QubitCount);
        ulong b = mapping.MapOccupation(mapping.HartreeFockOccupation(nAlpha, nBeta));
        for (int q = 0; q < mapping.QubitCount; q++) if (((b >> q) & 1) != 0) c.X(q);
        return c;
    }

    /// <summary>Appends exp(θ_k G) for one excitation, with a new parameter.</summary>
    public static int AppendExcitation(Circuit circuit, Excitation excitation, FermionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(excitation);
        int k = circuit.AddParameter();
        foreach (var (p, m) in excitation.Map(mapping).Factors) circuit.PauliRotation(p, k, m);
        return k;
    }

    /// <summary>HF reference followed by every spin-adapted single and double (closed shell, N/2 doubly occupied).</summary>
    public static AnsatzCircuit Build(FermionMapping mapping, int electrons)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (electrons % 2 != 0)
            throw new ElectronCountException($"{electrons} electrons: spin-adapted UCCSD here needs a closed-shell (even) count.");
        int n = mapping.ModeCount / 2;
        var c = HartreeFock(mapping, electrons / 2, electrons / 2);
        var ex = Excitation.SinglesAndDoubles(n, electrons / 2);
        foreach (var e in ex) AppendExcitation(c, e, mapping);
        return new AnsatzCircuit(c, ex);
    }

    /// <summary>
    /// Starting parameters: closed-shell MP2 amplitudes t_ij^ab = (ia|jb)/(ε_i + ε_j − ε_a − ε_b) for the doubles
    /// (halved when (i,a) = (j,b), whose generator counts the pair twice) and zero for the singles, when orbital
    /// energies are given; all zero otherwise.
    /// </summary>
    public static double[] InitialAmplitudes(IReadOnlyList<Excitation> excitations, ActiveSpaceIntegrals integrals, double[]? orbitalEnergies)
    {
        ArgumentNullException.ThrowIfNull(excitations);
        ArgumentNullException.ThrowIfNull(integrals);
        var x = new double[excitations.Count];
        if (orbitalEnergies == null) return x;
        for (int k = 0; k < excitations.Count; k++)
        {
            var e = excitations[k];
            if (!e.IsDouble) continue;
            double denom = orbitalEnergies[e.I] + orbitalEnergies[e.J] - orbitalEnergies[e.A] - orbitalEnergies[e.B];
            if (Math.Abs(denom) < 1e-8) continue;
            double t = integrals.G(e.I, e.A, e.J, e.B) / denom;
            x[k] = (e.I == e.J && e.A == e.B) ? 0.5 * t : t;
        }
        return x;
    }
}
