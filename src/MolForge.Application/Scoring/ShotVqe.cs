using MolForge.Application.Design;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Noise;
using MolForge.Quantum.Variational;
using QuantumIntegrals = MolForge.Quantum.Chemistry.ActiveSpaceIntegrals;

namespace MolForge.Application.Scoring;

/// <summary>
/// VQE as a device would run it: UCCSD from MP2 amplitudes (or the hardware-efficient ansatz), optimised on energies
/// estimated from samples (qubit-wise commuting groups, shots allocated by weight) by SPSA (Spall 1998) with a
/// Nelder–Mead fallback (<see cref="NoisyOptimizer"/>), then the final energy measured with the full shot budget and
/// reported with its standard error. The <c>shots</c> backend samples the exact state; the <c>noisy</c> backend
/// samples a density matrix under a <see cref="NoiseModel"/> and mitigates the final energy (readout inversion, ZNE).
/// </summary>
internal static class ShotVqe
{
    /// <summary>The circuit, starting parameters and Hamiltonian of a sampled VQE.</summary>
    internal sealed record Problem(QubitHamiltonian Hamiltonian, Circuit Circuit, double[] Initial);

    /// <summary>Builds the Hamiltonian and the ansatz (uccsd or hea; adapt needs exact gradients).</summary>
    internal static Problem Prepare(QChem.ActiveSpace.ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings)
    {
        var ints = new QuantumIntegrals(integrals.OrbitalCount, integrals.ElectronCount, integrals.CoreEnergy,
            integrals.OneElectron, integrals.TwoElectron, [.. orbitalEnergies]);
        var h = MolecularHamiltonian.Build(ints, settings.Mapping);
        switch (settings.Ansatz)
        {
            case "uccsd":
            {
                var ansatz = UccsdAnsatz.Build(h.Mapping, ints.ElectronCount);
                return new Problem(h, ansatz.Circuit, UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies));
            }
            case "hea":
            {
                var c = HardwareEfficientAnsatz.Build(h.QubitCount, 2, h.HartreeFockState);
                var x0 = new double[c.ParameterCount];
                for (int i = 0; i < x0.Length; i++) x0[i] = 0.01 * ((i % 3) - 1); // as the statevector engine
                return new Problem(h, c, x0);
            }
            default:
                throw new NotSupportedException($"ansatz '{settings.Ansatz}' needs exact gradients; with the {settings.Backend} backend use uccsd or hea");
        }
    }

    /// <summary>Runs VQE on the shots or noisy backend.</summary>
    public static VqeOutcome Run(QChem.ActiveSpace.ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings,
        VqeEngineOptions options, CancellationToken cancellationToken)
    {
        var p = Prepare(integrals, orbitalEnergies, settings);
        var h = p.Hamiltonian;
        bool noisy = settings.Backend == "noisy";
        NoiseModel? model = null;
        if (noisy)
        {
            try
            {
                model = options.Noise.Model();
            }
            catch (ArgumentException ex)
            {
                throw new NotSupportedException($"noisy backend: {ex.Message}", ex);
            }
            const int maxQubits = 20; // NoisyBackend: density matrix up to DensityMatrix.MaxQubits, trajectories above
            if (h.QubitCount > maxQubits)
                throw new NotSupportedException($"the noisy backend simulates at most {maxQubits} qubits; this active space needs {h.QubitCount} (use a smaller --active or the shots backend)");
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Each optimiser evaluation spends a tenth of the final measurement's shots; the budget is counted in evaluations.
        long perEvaluation = Math.Max(100, settings.Shots / 10);
        IQuantumBackend optimiserBackend = noisy
            ? new NoisyBackend(model!, perEvaluation, options.Seed, readoutMitigation: options.Noise.MitigateReadout)
            : new ShotBackend(perEvaluation, options.Seed);
        var opt = NoisyOptimizer.Minimize(x => optimiserBackend.Expectation(p.Circuit, x, h.Operator), p.Initial,
            new NoisyOptimizerOptions(options.Optimizer, options.OptimizerEvaluations, Seed: options.Seed), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (noisy)
        {
            var final = new NoisyBackend(model!, settings.Shots, options.Seed + 1, options.Noise.MitigateReadout,
                options.Noise.ExtrapolateZeroNoise ? NoisySettings.ZneScales : null);
            double e = final.Expectation(p.Circuit, opt.Parameters, h.Operator);
            var est = final.LastEstimate!;
            return new VqeOutcome(e, opt.Iterations, opt.Parameters, opt.Trace, h.QubitCount, h.PauliTermCount,
                StandardError: est.StandardError, UnmitigatedEnergy: options.Noise.Mitigation == "none" ? null : est.Unmitigated,
                MeasurementGroups: est.Groups, Shots: settings.Shots) { Optimizer = opt.Methods };
        }
        var shotBackend = new ShotBackend(settings.Shots, options.Seed + 1);
        double energy = shotBackend.Expectation(p.Circuit, opt.Parameters, h.Operator);
        var estimate = shotBackend.LastEstimate;
        return new VqeOutcome(energy, opt.Iterations, opt.Parameters, opt.Trace, h.QubitCount, h.PauliTermCount,
            StandardError: estimate?.StandardError, MeasurementGroups: estimate?.Groups, Shots: settings.Shots) { Optimizer = opt.Methods };
    }
}
