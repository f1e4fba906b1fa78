using System.Diagnostics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Exact;
using MolForge.Quantum.Variational;

namespace MolForge.Application.QuantumScoring;

/// <summary>
/// The QChem → Quantum bridge input: active-space integrals in plain arrays. n spatial orbitals, n electrons (even,
/// closed-shell singlet), core energy (nuclear repulsion + frozen core), h[p*n+q], (pq|rs) in chemists' notation at
/// [((p*n+q)*n+r)*n+s], real orbitals; orbital energies of the active orbitals when known (MP2 start).
/// </summary>
public sealed record ActiveSpaceProblem(int OrbitalCount, int ElectronCount, double CoreEnergy, double[] OneBody, double[] TwoBody,
    double[]? OrbitalEnergies = null);

/// <summary>How to score: mapping (jordan-wigner, parity, bravyi-kitaev, parity-reduced), ansatz (uccsd, adapt,
/// hea), HEA depth, whether to also diagonalise exactly (CASCI in the active space) for comparison.</summary>
public sealed record VqeScoringOptions(string Mapping = "jordan-wigner", string Ansatz = "uccsd", int HeaLayers = 2,
    bool ComputeExact = false, VqeOptions? Vqe = null, AdaptOptions? Adapt = null);

/// <summary>The VQE score of one active space.</summary>
public sealed record VqeScore(
    double Energy,
    double HartreeFockEnergy,
    double? ExactEnergy,
    double[] Parameters,
    int Iterations,
    int Evaluations,
    bool Converged,
    int QubitCount,
    int PauliTermCount,
    int GateCount,
    string Mapping,
    string Ansatz,
    double Seconds)
{
    /// <summary>The energy at the start and after every optimiser iteration.</summary>
    public IReadOnlyList<double> Convergence { get; init; } = [];
}

/// <summary>
/// Runs VQE for active-space integrals on the exact state-vector backend: builds the qubit Hamiltonian under the
/// chosen mapping, prepares the ansatz (HF reference + UCCSD with MP2 start, ADAPT-VQE, or hardware-efficient) and
/// minimises with L-BFGS and adjoint gradients.
/// </summary>
public sealed class VqeScoringService
{
    /// <summary>Scores one active space. Throws <see cref="ArgumentException"/> (with the offending field named)
    /// for inconsistent input, and the Quantum library's typed exceptions for electron counts or register sizes
    /// that cannot be represented.</summary>
    public VqeScore Score(ActiveSpaceProblem problem, VqeScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var o = options ?? new VqeScoringOptions();
        var sw = Stopwatch.StartNew();
        var prepared = VqeCircuitBuilder.Prepare(problem, o);
        var ints = prepared.Integrals;
        var h = prepared.Hamiltonian;
        Quantum.Simulation.StateVector.EnsureFits(h.QubitCount);
        var backend = new StateVectorBackend();
        int nOcc = ints.ElectronCount / 2;
        double? exact = o.ComputeExact ? SectorSolver.LowestEigenvalue(h.Operator, h.Mapping, nOcc, nOcc) : null;
        double eHf = ints.HartreeFockEnergy();
        switch (prepared.Ansatz)
        {
            case "adapt":
            {
                var r = VqeCircuitBuilder.Adapt(prepared, backend, o);
                return new VqeScore(r.Energy, eHf, exact, r.Parameters, r.Iterations, r.Evaluations, r.Converged, h.QubitCount,
                    h.PauliTermCount, r.Circuit.Gates.Count, h.Mapping.Name, "adapt", sw.Elapsed.TotalSeconds) { Convergence = r.Trace };
            }
            case "uccsd" or "hea":
            {
                var r = Vqe.Minimize(backend, prepared.Circuit, h.Operator, prepared.InitialParameters, o.Vqe);
                return new VqeScore(r.Energy, eHf, exact, r.Parameters, r.Iterations, r.Evaluations, r.Converged, h.QubitCount,
                    h.PauliTermCount, prepared.Circuit.Gates.Count, h.Mapping.Name, prepared.Ansatz, sw.Elapsed.TotalSeconds) { Convergence = r.Trace };
            }
            default:
                throw new ArgumentException($"Unknown ansatz '{o.Ansatz}' (uccsd, adapt, hea).", nameof(options));
        }
    }

    /// <summary>Reads an FCIDUMP file into the bridge input (for `export-hamiltonian` round trips and tests).</summary>
    public static ActiveSpaceProblem FromFcidump(string path)
    {
        var ints = Fcidump.ReadFile(path);
        return new ActiveSpaceProblem(ints.OrbitalCount, ints.ElectronCount, ints.CoreEnergy, ints.OneBody, ints.TwoBody, ints.OrbitalEnergies);
    }
}
