using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Variational;

namespace MolForge.Application.QuantumScoring;

/// <summary>A VQE problem ready to optimise or export: the mapped qubit Hamiltonian, the parametrised circuit (HF
/// reference + ansatz under the mapping) and the starting parameters.</summary>
/// <param name="Integrals">The active space as the Quantum core sees it.</param>
/// <param name="Hamiltonian">The qubit Hamiltonian under the chosen mapping.</param>
/// <param name="Circuit">HF reference followed by the ansatz (for ADAPT: the reference only; the operators are
/// chosen while optimising, see <see cref="VqeCircuitBuilder.Adapt"/>).</param>
/// <param name="InitialParameters">UCCSD: MP2 amplitudes; HEA: a small symmetry-breaking start; ADAPT: empty.</param>
/// <param name="Ansatz">uccsd, adapt or hea.</param>
public sealed record PreparedVqeCircuit(ActiveSpaceIntegrals Integrals, QubitHamiltonian Hamiltonian, Circuit Circuit,
    double[] InitialParameters, string Ansatz)
{
    /// <summary>True for ADAPT-VQE, whose circuit grows during the optimisation.</summary>
    public bool IsAdaptive => Ansatz == "adapt";
}

/// <summary>Builds the circuit that <see cref="VqeScoringService"/> optimises, so that other tools (QASM export, the
/// artefact service) get exactly the circuit whose parameters were stored.</summary>
public static class VqeCircuitBuilder
{
    /// <summary>Hamiltonian + HF reference + ansatz for <paramref name="problem"/> under <paramref name="options"/>'s
    /// mapping and ansatz. Throws <see cref="ArgumentException"/> for an unknown ansatz or mapping.</summary>
    public static PreparedVqeCircuit Prepare(ActiveSpaceProblem problem, VqeScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var o = options ?? new VqeScoringOptions();
        var ints = new ActiveSpaceIntegrals(problem.OrbitalCount, problem.ElectronCount, problem.CoreEnergy, problem.OneBody,
            problem.TwoBody, problem.OrbitalEnergies);
        var h = MolecularHamiltonian.Build(ints, o.Mapping);
        var nOcc = ints.ElectronCount / 2;
        switch (o.Ansatz.ToUpperInvariant())
        {
            case "UCCSD":
            {
                var ansatz = UccsdAnsatz.Build(h.Mapping, ints.ElectronCount);
                var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
                return new PreparedVqeCircuit(ints, h, ansatz.Circuit, x0, "uccsd");
            }
            case "ADAPT":
                return new PreparedVqeCircuit(ints, h, UccsdAnsatz.HartreeFock(h.Mapping, nOcc, nOcc), [], "adapt");
            case "HEA":
            {
                var c = HardwareEfficientAnsatz.Build(h.QubitCount, o.HeaLayers, h.HartreeFockState);
                var x0 = new double[c.ParameterCount];
                for (var i = 0; i < x0.Length; i++) x0[i] = 0.01 * ((i % 3) - 1); // break the symmetric start
                return new PreparedVqeCircuit(ints, h, c, x0, "hea");
            }
            default:
                throw new ArgumentException($"Unknown ansatz '{o.Ansatz}' (uccsd, adapt, hea).", nameof(options));
        }
    }

    /// <summary>Runs ADAPT-VQE from the prepared reference (deterministic: the same problem gives the same operator
    /// sequence, so the grown circuit matches parameters stored from an earlier run).</summary>
    public static AdaptResult Adapt(PreparedVqeCircuit prepared, IGradientBackend backend, VqeScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(backend);
        var o = options ?? new VqeScoringOptions();
        var nOcc = prepared.Integrals.ElectronCount / 2;
        var pool = Excitation.SinglesAndDoubles(prepared.Integrals.OrbitalCount, nOcc);
        return AdaptVqe.Run(backend, prepared.Circuit, prepared.Hamiltonian.Mapping, pool, prepared.Hamiltonian.Operator, o.Adapt, o.Vqe);
    }
}
