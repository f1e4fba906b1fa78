using MolForge.Application.Design;
using MolForge.Application.Hardware;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Variational;

namespace MolForge.Application.Scoring;

/// <summary>
/// VQE with a real device (IonQ, <see cref="IonQBackend"/>): the parameters are first optimised classically on the
/// state vector (L-BFGS with adjoint gradients; a device optimisation of hundreds of jobs is rarely affordable), then
/// optionally refined on the device by the noisy optimiser (<see cref="IonQOptions.DeviceOptimizerEvaluations"/>), and
/// the energy at the final parameters is measured on the device with the full shot budget, with its standard error.
/// </summary>
internal static class HardwareVqe
{
    public static VqeOutcome Run(QChem.ActiveSpace.ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings,
        VqeEngineOptions options, CancellationToken cancellationToken)
    {
        var ionq = options.Hardware ?? IonQOptions.FromEnvironment();
        if (!ionq.IsConfigured) throw new HardwareNotConfiguredException();
        var p = ShotVqe.Prepare(integrals, orbitalEnergies, settings);
        var h = p.Hamiltonian;
        cancellationToken.ThrowIfCancellationRequested();
        var classical = Vqe.Minimize(new StateVectorBackend(), p.Circuit, h.Operator, p.Initial);
        var parameters = classical.Parameters;
        var trace = new List<double>(classical.Trace);
        int iterations = classical.Iterations;
        string optimizer = "l-bfgs (statevector)";
        using var client = new IonQClient(ionq);
        if (ionq.DeviceOptimizerEvaluations > 0)
        {
            var device = new IonQBackend(client, Math.Max(100, settings.Shots / 10), cancellationToken);
            var opt = NoisyOptimizer.Minimize(x => device.Expectation(p.Circuit, x, h.Operator), parameters,
                new NoisyOptimizerOptions(options.Optimizer, ionq.DeviceOptimizerEvaluations, Seed: options.Seed), cancellationToken);
            parameters = opt.Parameters;
            trace.AddRange(opt.Trace);
            iterations += opt.Iterations;
            optimizer += " + " + opt.Methods + " (device)";
        }
        var final = new IonQBackend(client, settings.Shots, cancellationToken);
        double energy = final.Expectation(p.Circuit, parameters, h.Operator);
        var est = final.LastEstimate!;
        return new VqeOutcome(energy, iterations, parameters, trace, h.QubitCount, h.PauliTermCount,
            StandardError: est.StandardError, MeasurementGroups: est.Groups, Shots: settings.Shots) { Optimizer = optimizer };
    }
}
