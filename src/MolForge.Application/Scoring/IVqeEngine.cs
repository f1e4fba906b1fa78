using MolForge.Application.Design;
using MolForge.QChem.ActiveSpace;

namespace MolForge.Application.Scoring;

/// <summary>Runs VQE on active-space integrals (the QChem→Quantum bridge; implemented over MolForge.Quantum).</summary>
public interface IVqeEngine
{
    /// <summary>VQE energy and its diagnostics for the active space, with the backend, mapping and ansatz of
    /// <paramref name="settings"/>. <paramref name="orbitalEnergies"/> are the active orbitals' RHF energies (for MP2
    /// initial amplitudes).</summary>
    VqeOutcome Run(ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings, CancellationToken cancellationToken);
}

/// <summary>What a VQE run produced. <see cref="Convergence"/> is the energy per optimiser iteration (exact on the
/// state vector, estimated on sampled backends); with mitigation <see cref="Energy"/> is the mitigated energy.</summary>
public sealed record VqeOutcome(
    double Energy,
    int Iterations,
    IReadOnlyList<double> Parameters,
    IReadOnlyList<double> Convergence,
    int Qubits,
    int PauliTerms,
    double? StandardError = null,
    double? UnmitigatedEnergy = null,
    int? MeasurementGroups = null,
    int? Shots = null)
{
    /// <summary>The optimiser(s) used on sampled backends (e.g. "spsa", "spsa+nelder-mead"); null for L-BFGS.</summary>
    public string? Optimizer { get; init; }
}
