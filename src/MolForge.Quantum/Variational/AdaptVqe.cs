using System.Diagnostics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Variational;

/// <summary>ADAPT-VQE settings.</summary>
/// <param name="GradientThreshold">Stop when the largest pool gradient |⟨ψ|[H, G]|ψ⟩| is below this.</param>
/// <param name="MaxOperators">Upper bound on selected operators.</param>
/// <param name="EnergyTolerance">Stop when adding an operator lowers the energy by less than this.</param>
public sealed record AdaptOptions(double GradientThreshold = 1e-3, int MaxOperators = 200, double EnergyTolerance = 1e-10);

/// <summary>One ADAPT-VQE step: operators so far, the energy after re-optimising, the largest pool gradient that chose
/// the last operator.</summary>
public sealed record AdaptStep(int Operators, double Energy, double MaxGradient, string Selected);

/// <summary>ADAPT-VQE outcome.</summary>
public sealed record AdaptResult(double Energy, Circuit Circuit, double[] Parameters, IReadOnlyList<Excitation> Selected,
    int Iterations, int Evaluations, bool Converged, double Seconds)
{
    /// <summary>The reference energy, then the energy after every optimiser iteration of every ADAPT step in turn.</summary>
    public IReadOnlyList<double> Trace { get; init; } = [];
}

/// <summary>
/// ADAPT-VQE (Grimsley, Economou, Barnes &amp; Mayhall 2019): grow the ansatz one pool operator at a time, choosing
/// the operator with the largest energy gradient ⟨ψ|[H, G]|ψ⟩ at the current state, appending exp(θG) with θ = 0
/// and re-optimising all parameters (warm start). The pool is the spin-adapted singles and doubles of UCCSD.
/// </summary>
public static class AdaptVqe
{
    /// <summary>Runs ADAPT-VQE from the reference circuit.</summary>
    public static AdaptResult Run(IGradientBackend backend, Circuit reference, FermionMapping mapping, IReadOnlyList<Excitation> pool,
        QubitOperator hamiltonian, AdaptOptions? options = null, VqeOptions? vqeOptions = null, IProgress<AdaptStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var o = options ?? new AdaptOptions();
        var sw = Stopwatch.StartNew();
        var generators = pool.Select(e => e.Map(mapping).Qubit).ToList();
        var circuit = new Circuit(reference.QubitCount).Append(reference);
        var parameters = Array.Empty<double>();
        var selected = new List<Excitation>();
        double energy = backend.Expectation(circuit, parameters, hamiltonian);
        int evaluations = 1, iterations = 0;
        var trace = new List<double> { energy };
        bool converged = false;
        while (selected.Count < o.MaxOperators)
        {
            var grads = backend.GeneratorGradients(circuit, parameters, hamiltonian, generators);
            int best = 0;
            for (int k = 1; k < grads.Length; k++) if (Math.Abs(grads[k]) > Math.Abs(grads[best])) best = k;
            if (grads.Length == 0 || Math.Abs(grads[best]) < o.GradientThreshold) { converged = true; break; }
            UccsdAnsatz.AppendExcitation(circuit, pool[best], mapping);
            selected.Add(pool[best]);
            var x0 = new double[circuit.ParameterCount];
            Array.Copy(parameters, x0, parameters.Length);
            var r = Vqe.Minimize(backend, circuit, hamiltonian, x0, vqeOptions);
            iterations += r.Iterations;
            evaluations += r.Evaluations;
            parameters = r.Parameters;
            trace.AddRange(r.Trace.Skip(1)); // the first entry repeats the previous step's energy
            double previous = energy;
            energy = r.Energy;
            progress?.Report(new AdaptStep(selected.Count, energy, Math.Abs(grads[best]), pool[best].Label));
            if (previous - energy < o.EnergyTolerance) { converged = true; break; }
        }
        return new AdaptResult(energy, circuit, parameters, selected, iterations, evaluations, converged, sw.Elapsed.TotalSeconds) { Trace = trace };
    }
}
