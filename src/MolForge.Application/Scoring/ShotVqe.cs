using MolForge.Application.Design;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Variational;
using QuantumIntegrals = MolForge.Quantum.Chemistry.ActiveSpaceIntegrals;

namespace MolForge.Application.Scoring;

/// <summary>VQE as a device would run it: UCCSD from MP2 amplitudes, optimised by SPSA (Spall 1998) on energies
/// estimated from samples (qubit-wise commuting groups, shots allocated by weight), then the final energy measured
/// with the full shot budget and reported with its standard error.</summary>
internal static class ShotVqe
{
    /// <summary>Seed of the sampler and of SPSA's perturbations (results are reproducible).</summary>
    private const int Seed = 7;

    public static VqeOutcome Run(QChem.ActiveSpace.ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings, CancellationToken cancellationToken)
    {
        var ints = new QuantumIntegrals(integrals.OrbitalCount, integrals.ElectronCount, integrals.CoreEnergy,
            integrals.OneElectron, integrals.TwoElectron, [.. orbitalEnergies]);
        var h = MolecularHamiltonian.Build(ints, settings.Mapping);
        var ansatz = UccsdAnsatz.Build(h.Mapping, ints.ElectronCount);
        var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
        cancellationToken.ThrowIfCancellationRequested();
        // Each SPSA evaluation spends a tenth of the final measurement's shots; 200 evaluations in all.
        var optimiserBackend = new ShotBackend(Math.Max(100, settings.Shots / 10), Seed);
        var spsa = Spsa.Minimize(optimiserBackend, ansatz.Circuit, h.Operator, x0, new SpsaOptions(MaxEvaluations: 200, Seed: Seed));
        cancellationToken.ThrowIfCancellationRequested();
        var final = new ShotBackend(settings.Shots, Seed + 1);
        var energy = final.Expectation(ansatz.Circuit, spsa.Parameters, h.Operator);
        var estimate = final.LastEstimate;
        return new VqeOutcome(energy, spsa.Iterations, spsa.Parameters, [], h.QubitCount, h.PauliTermCount,
            StandardError: estimate?.StandardError, MeasurementGroups: estimate?.Groups, Shots: settings.Shots);
    }
}
